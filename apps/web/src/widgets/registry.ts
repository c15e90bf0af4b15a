// Every widget a lesson can embed, loaded only when a lesson shows it. Typed by WidgetId, so a
// widget named in packages/lessons without a component here does not compile.

import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { WidgetId } from '@loopwire/lessons';

export const widgets: Record<WidgetId, LazyExoticComponent<ComponentType>> = {
  ScaleOutDiagram: lazy(() => import('./ScaleOutDiagram.tsx')),
  EndpointProbe: lazy(() => import('./EndpointProbe.tsx')),
  ConnectionBadge: lazy(() => import('./ConnectionBadge.tsx')),
  LayerStack: lazy(() => import('./LayerStack.tsx')),
  HttpExchange: lazy(() => import('./HttpExchange.tsx')),
  HandshakeInspector: lazy(() => import('./HandshakeInspector.tsx')),
  HandshakeFailures: lazy(() => import('./HandshakeFailures.tsx')),
  SocketIoStory: lazy(() => import('./SocketIoStory.tsx')),
  LoopLab: lazy(() => import('./LoopLab.tsx')),
  HeartbeatStrip: lazy(() => import('./HeartbeatStrip.tsx')),
  PhaseDiagram: lazy(() => import('./PhaseDiagram.tsx')),
  OrderPredictor: lazy(() => import('./OrderPredictor.tsx')),
  ThreadpoolTimeline: lazy(() => import('./ThreadpoolTimeline.tsx')),
  TransportRace: lazy(() => import('./TransportRace.tsx')),
  LongPollDemo: lazy(() => import('./LongPollDemo.tsx')),
  SseStream: lazy(() => import('./SseStream.tsx')),
  ServerPush: lazy(() => import('./ServerPush.tsx')),
  ProtocolMismatch: lazy(() => import('./ProtocolMismatch.tsx')),
  FeedChatRoom: lazy(() => import('./FeedChatRoom.tsx')),
  ConnectionKnowledge: lazy(() => import('./labs/ConnectionKnowledge.tsx')),
  CswshDemo: lazy(() => import('./labs/CswshDemo.tsx')),
  TokenAuth: lazy(() => import('./labs/TokenAuth.tsx')),
  LimitsDemo: lazy(() => import('./labs/LimitsDemo.tsx')),
  DeviceFleet: lazy(() => import('./labs/DeviceFleet.tsx')),
  BroadcastLab: lazy(() => import('./labs/BroadcastLab.tsx')),
  ChatRoom: lazy(() => import('./labs/ChatRoom.tsx')),
  ScaleLab: lazy(() => import('../features/scale/ScaleLab.tsx')),
};
