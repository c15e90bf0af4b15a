// Reading just enough of a request head to route it: one header's value, the Engine.IO sid.

/** The first value of a header in a raw request head (latin1), or undefined. */
export function headerOf(head: string, name: string): string | undefined {
  const end = head.indexOf('\r\n\r\n');
  const lines = (end === -1 ? head : head.slice(0, end)).split('\r\n');
  const prefix = `${name.toLowerCase()}:`;
  for (const line of lines.slice(1)) if (line.toLowerCase().startsWith(prefix)) return line.slice(prefix.length).trim();
  return undefined;
}

/** The `sid` query parameter of an Engine.IO request line (/socket.io/?EIO=4&transport=…&sid=…). */
export function engineSidOf(head: string): string | null {
  const requestLine = head.slice(0, head.indexOf('\r\n'));
  const match = /^[A-Z]+ \/socket\.io\/?\?\S*?[?&]sid=([\w-]{1,64})/.exec(requestLine);
  return match ? match[1]! : null;
}
