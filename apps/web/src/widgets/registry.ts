// Every widget a lesson can embed, loaded only when a lesson shows it. Typed by WidgetId, so a
// widget named in packages/lessons without a component here does not compile.

import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { WidgetId } from '@loopwire/lessons';

export const widgets: Record<WidgetId, LazyExoticComponent<ComponentType>> = {
  ScaleOutDiagram: lazy(() => import('../features/scale/ScaleOutDiagram.tsx')),
  EndpointProbe: lazy(() => import('../features/connection/EndpointProbe.tsx')),
  ConnectionBadge: lazy(() => import('../features/connection/ConnectionBadge.tsx')),
  LayerStack: lazy(() => import('../features/connection/LayerStack.tsx')),
  HttpExchange: lazy(() => import('../features/inspector/HttpExchange.tsx')),
  HandshakeInspector: lazy(() => import('../features/inspector/HandshakeInspector.tsx')),
  HandshakeFailures: lazy(() => import('../features/inspector/HandshakeFailures.tsx')),
  SocketIoStory: lazy(() => import('../features/inspector/SocketIoStory.tsx')),
  LoopLab: lazy(() => import('../features/loop-lab/LoopLab.tsx')),
  HeartbeatStrip: lazy(() => import('../features/loop-lab/HeartbeatStrip.tsx')),
  PhaseDiagram: lazy(() => import('../features/loop-lab/PhaseDiagram.tsx')),
  OrderPredictor: lazy(() => import('../features/loop-lab/OrderPredictor.tsx')),
  ThreadpoolTimeline: lazy(() => import('../features/loop-lab/ThreadpoolTimeline.tsx')),
  ProcessView: lazy(() => import('../features/loop-lab/ProcessView.tsx')),
  TransportRace: lazy(() => import('../features/transports/TransportRace.tsx')),
  LongPollDemo: lazy(() => import('../features/transports/LongPollDemo.tsx')),
  SseStream: lazy(() => import('../features/transports/SseStream.tsx')),
  ServerPush: lazy(() => import('../features/transports/ServerPush.tsx')),
  ProtocolMismatch: lazy(() => import('../features/transports/ProtocolMismatch.tsx')),
  FeedChatRoom: lazy(() => import('../features/transports/FeedChatRoom.tsx')),
  ConnectionKnowledge: lazy(() => import('../features/security/ConnectionKnowledge.tsx')),
  CswshDemo: lazy(() => import('../features/security/CswshDemo.tsx')),
  TokenAuth: lazy(() => import('../features/security/TokenAuth.tsx')),
  LimitsDemo: lazy(() => import('../features/security/LimitsDemo.tsx')),
  DeviceFleet: lazy(() => import('../features/fanout/DeviceFleet.tsx')),
  BroadcastLab: lazy(() => import('../features/fanout/BroadcastLab.tsx')),
  ChatRoom: lazy(() => import('../features/fanout/ChatRoom.tsx')),
  ScaleLab: lazy(() => import('../features/scale/ScaleLab.tsx')),
};
