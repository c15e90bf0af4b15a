import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'endpoints-and-layers',
    title: 'Endpoints and layers',
    question: 'Is WebSocket on the same layer as HTTP? Which port does it use? Is it an endpoint?',
    summary: 'A socket is an IP address and a port; HTTP and WebSocket both ride one TCP connection.',
    minutes: 10,
    status: 'ready',
    goals: [
      'Name the four numbers that identify every TCP connection (the 4-tuple).',
      'Place IP, TCP, TLS, HTTP and WebSocket in one stack, and say what each adds.',
      'Tell the two meanings of "endpoint" apart: an address and port, or a URL path.',
      'See on your own machine that a WebSocket uses the same server port as the page.',
    ],
    predict: {
      prompt:
        'This page was loaded from this server. Your browser now opens a WebSocket to the same server. Which server port does the WebSocket connect to?',
      choices: [
        { id: 'same', label: 'The same port the page came from' },
        { id: 'new', label: 'A new port the server hands out for WebSocket' },
        { id: 'eighty', label: 'Always port 80' },
        { id: 'ws-port', label: 'A dedicated WebSocket port, like 8080' },
      ],
      answer: 'same',
      observe: {
        widget: 'EndpointProbe',
        instructions:
          'Press **Ask over HTTP**, then **Ask over WebSocket**. Compare the server side of both connections.',
      },
      explain: `A WebSocket starts life as an ordinary HTTP request to the same host and port, and the
server answers \`101 Switching Protocols\` on that very TCP connection. Nothing moves to another
port: \`ws://\` defaults to 80 and \`wss://\` to 443, exactly like \`http://\` and \`https://\`
([RFC 6455 §3](https://www.rfc-editor.org/rfc/rfc6455#section-3)). What *does* differ is your side:
each new TCP connection gets a fresh ephemeral port from your operating system.`,
      answeredBy: ['on the same port as the web page', 'There is no "jump" to another port'],
    },
    recap: [
      'A socket is one end of a connection: an IP address plus a port. A TCP connection is named by its 4-tuple.',
      'HTTP/1.1 and WebSocket are both application protocols carried by TCP. WebSocket begins with an HTTP request and then speaks frames on the same connection.',
      'ws:// and wss:// use ports 80 and 443 by default, the same as http:// and https://.',
      '"Endpoint" means an address and port to a network engineer, and a URL path to an API designer. Both are right; say which you mean.',
    ],
    challenges: [
      {
        id: 'what-carries-websocket',
        title: 'What carries WebSocket?',
        prompt: 'On a `ws://` connection like the probe’s, once the handshake is over, which protocol carries the WebSocket frames directly?',
        hint: 'Look at the stack diagram: what sits right under the application protocols?',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'http', label: 'HTTP' },
            { id: 'tcp', label: 'TCP' },
            { id: 'udp', label: 'UDP' },
            { id: 'ip', label: 'IP directly' },
          ],
          answer: 'tcp',
        },
      },
      {
        id: 'find-the-port',
        title: 'Find the port',
        prompt:
          'Open a WebSocket with the probe above and type the **server** port that connection used. The server checks your answer against the connection it really saw.',
        hint: 'The server side is the right-hand half of the 4-tuple.',
        check: { kind: 'live', check: 'server-port-of-websocket' },
      },
      {
        id: 'two-tabs',
        title: 'Two tabs, one server',
        prompt:
          'Two tabs on your machine each open a WebSocket to the same server. Which part of the 4-tuple tells the server the two connections apart?',
        hint: 'Same machine, same server, same server port…',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'client-ip', label: 'The client IP address' },
            { id: 'client-port', label: 'The client port' },
            { id: 'server-port', label: 'The server port' },
            { id: 'path', label: 'The URL path' },
          ],
          answer: 'client-port',
        },
      },
    ],
    references: [
      { label: 'RFC 6455 §1.7: Relationship to TCP and HTTP', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-1.7' },
      { label: 'RFC 6455 §3: WebSocket URIs (default ports)', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-3' },
      { label: 'RFC 9293 §3.3: TCP connections and sockets', href: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.3' },
      { label: 'RFC 9110 §7.8: Upgrade', href: 'https://www.rfc-editor.org/rfc/rfc9110#section-7.8' },
      { label: 'RFC 9110 §3.3: Connections, clients and servers (HTTP is stateless)', href: 'https://www.rfc-editor.org/rfc/rfc9110#section-3.3' },
      { label: 'RFC 8441: Bootstrapping WebSockets with HTTP/2', href: 'https://www.rfc-editor.org/rfc/rfc8441' },
    ],
  },
  content,
);
