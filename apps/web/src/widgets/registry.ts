// Every widget a lesson can embed, loaded only when a lesson shows it. Typed by WidgetId, so a
// widget named in packages/lessons without a component here does not compile.

import { createElement, lazy, type ComponentType } from 'react';
import type { WidgetId } from '@loopwire/lessons';

function WidgetPlaceholder() {
  return createElement('div', { className: 'widget widget--loading' }, 'Loading the live widget…');
}

/** A widget's code, loaded on first render. The build's prerender has no live server: it shows the placeholder. */
function widget(load: () => Promise<{ default: ComponentType }>): ComponentType {
  return import.meta.env.SSR ? WidgetPlaceholder : lazy(load);
}

export const widgets: Record<WidgetId, ComponentType> = {
  ScaleOutDiagram: widget(() => import('./ScaleOutDiagram.tsx')),
  EndpointProbe: widget(() => import('./EndpointProbe.tsx')),
  ConnectionBadge: widget(() => import('./ConnectionBadge.tsx')),
  LayerStack: widget(() => import('./LayerStack.tsx')),
  HttpExchange: widget(() => import('./HttpExchange.tsx')),
  HandshakeInspector: widget(() => import('./HandshakeInspector.tsx')),
  HandshakeFailures: widget(() => import('./HandshakeFailures.tsx')),
  SocketIoStory: widget(() => import('./SocketIoStory.tsx')),
  LoopLab: widget(() => import('./LoopLab.tsx')),
  HeartbeatStrip: widget(() => import('./HeartbeatStrip.tsx')),
  PhaseDiagram: widget(() => import('./PhaseDiagram.tsx')),
  OrderPredictor: widget(() => import('./OrderPredictor.tsx')),
  ThreadpoolTimeline: widget(() => import('./ThreadpoolTimeline.tsx')),
  TransportRace: widget(() => import('./TransportRace.tsx')),
  LongPollDemo: widget(() => import('./LongPollDemo.tsx')),
  SseStream: widget(() => import('./SseStream.tsx')),
  ServerPush: widget(() => import('./ServerPush.tsx')),
  ProtocolMismatch: widget(() => import('./ProtocolMismatch.tsx')),
  FeedChatRoom: widget(() => import('./FeedChatRoom.tsx')),
  ConnectionKnowledge: widget(() => import('./labs/ConnectionKnowledge.tsx')),
  CswshDemo: widget(() => import('./labs/CswshDemo.tsx')),
  TokenAuth: widget(() => import('./labs/TokenAuth.tsx')),
  LimitsDemo: widget(() => import('./labs/LimitsDemo.tsx')),
  DeviceFleet: widget(() => import('./labs/DeviceFleet.tsx')),
  BroadcastLab: widget(() => import('./labs/BroadcastLab.tsx')),
  ChatRoom: widget(() => import('./labs/ChatRoom.tsx')),
};
