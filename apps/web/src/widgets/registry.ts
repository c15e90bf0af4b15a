// Every widget a lesson can embed, loaded only when a lesson shows it. Typed by WidgetId, so a
// widget named in packages/lessons without a component here does not compile.

import { createElement, lazy, type ComponentType } from 'react';
import type { WidgetId } from '@loopwire/lessons';
import { LiveOnly } from '../lib/ui/LiveOnly.tsx';

const placeholder = createElement('div', { className: 'widget widget--loading' }, 'Loading the live widget…');

/** A widget's code, loaded on first render; a prerendered page shows the placeholder until then. */
function widget(load: () => Promise<{ default: ComponentType }>): ComponentType {
  const Live = lazy(load);
  return () => createElement(LiveOnly, { placeholder, children: createElement(Live) });
}

export const widgets: Record<WidgetId, ComponentType> = {
  ScaleOutDiagram: widget(() => import('../features/scale/ScaleOutDiagram.tsx')),
  EndpointProbe: widget(() => import('../features/connection/EndpointProbe.tsx')),
  ConnectionBadge: widget(() => import('../features/connection/ConnectionBadge.tsx')),
  LayerStack: widget(() => import('../features/connection/LayerStack.tsx')),
  HttpExchange: widget(() => import('../features/inspector/HttpExchange.tsx')),
  HandshakeInspector: widget(() => import('../features/inspector/HandshakeInspector.tsx')),
  HandshakeFailures: widget(() => import('../features/inspector/HandshakeFailures.tsx')),
  SocketIoStory: widget(() => import('../features/inspector/SocketIoStory.tsx')),
  LoopLab: widget(() => import('../features/loop-lab/LoopLab.tsx')),
  HeartbeatStrip: widget(() => import('../features/loop-lab/HeartbeatStrip.tsx')),
  PhaseDiagram: widget(() => import('../features/loop-lab/PhaseDiagram.tsx')),
  OrderPredictor: widget(() => import('../features/loop-lab/OrderPredictor.tsx')),
  ThreadpoolTimeline: widget(() => import('../features/loop-lab/ThreadpoolTimeline.tsx')),
  ProcessView: widget(() => import('../features/loop-lab/ProcessView.tsx')),
  TransportRace: widget(() => import('../features/transports/TransportRace.tsx')),
  LongPollDemo: widget(() => import('../features/transports/LongPollDemo.tsx')),
  SseStream: widget(() => import('../features/transports/SseStream.tsx')),
  ServerPush: widget(() => import('../features/transports/ServerPush.tsx')),
  ProtocolMismatch: widget(() => import('../features/transports/ProtocolMismatch.tsx')),
  FeedChatRoom: widget(() => import('../features/transports/FeedChatRoom.tsx')),
  ConnectionKnowledge: widget(() => import('../features/security/ConnectionKnowledge.tsx')),
  CswshDemo: widget(() => import('../features/security/CswshDemo.tsx')),
  TokenAuth: widget(() => import('../features/security/TokenAuth.tsx')),
  LimitsDemo: widget(() => import('../features/security/LimitsDemo.tsx')),
  DeviceFleet: widget(() => import('../features/fanout/DeviceFleet.tsx')),
  BroadcastLab: widget(() => import('../features/fanout/BroadcastLab.tsx')),
  FanoutCurve: widget(() => import('../features/fanout/FanoutCurve.tsx')),
  ChatRoom: widget(() => import('../features/fanout/ChatRoom.tsx')),
  ScaleLab: widget(() => import('../features/scale/ScaleLab.tsx')),
};
