// Every live widget a lesson may embed, by id. The web app maps each id to a component;
// its registry is typed `Record<WidgetId, …>`, so an id here without a component fails to compile.

export const widgetIds = [
  'EndpointProbe',
  'ConnectionBadge',
  'LayerStack',
  'HttpExchange',
  'HandshakeInspector',
  'HandshakeFailures',
  'SocketIoStory',
  'LoopLab',
  'HeartbeatStrip',
  'PhaseDiagram',
  'OrderPredictor',
  'ThreadpoolTimeline',
  'ProcessView',
  'TransportRace',
  'LongPollDemo',
  'SseStream',
  'ServerPush',
  'ProtocolMismatch',
  'ConnectionKnowledge',
  'CswshDemo',
  'TokenAuth',
  'LimitsDemo',
  'DeviceFleet',
  'BroadcastLab',
  'FanoutCurve',
  'FeedChatRoom',
  'ChatRoom',
  'ScaleOutDiagram',
  'ScaleLab',
] as const;

export type WidgetId = (typeof widgetIds)[number];

export function isWidgetId(value: string): value is WidgetId {
  return (widgetIds as readonly string[]).includes(value);
}
