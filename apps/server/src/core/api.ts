// The JSON API under /api: health, whoami, and the routes other modules mount.

import express, { type Router } from 'express';
import type { HealthResponse } from '@loopwire/contract';
import { sendError } from './errors.js';
import { describeConnection } from './net.js';

const startedAt = Date.now();

export function createApiRouter(): Router {
  const api = express.Router();
  api.use(express.json({ limit: '100kb' }));

  api.get('/health', (_req, res) => {
    const body: HealthResponse = { ok: true, uptimeMs: Date.now() - startedAt, pid: process.pid };
    res.json(body);
  });

  api.get('/whoami', (req, res) => {
    res.json(describeConnection(req.socket));
  });

  return api;
}

/** Mounted after every /api route: an unknown API path is a JSON 404, never the web app. */
export function apiNotFound(): express.RequestHandler {
  return (req, res) => {
    sendError(res, 404, 'not_found', `There is no API route ${req.method} ${req.originalUrl.split('?')[0]}.`);
  };
}

/** Mounted after the web app: whatever nothing served is a JSON 404 (not Express's HTML page). */
export function notFound(): express.RequestHandler {
  return (req, res) => {
    sendError(res, 404, 'not_found', `Nothing is served at ${req.method} ${req.originalUrl.split('?')[0]!.slice(0, 200)}.`);
  };
}
