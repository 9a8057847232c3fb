// Loaded with `node --import` before anything else: every way a Node process can reach the
// network is wrapped, and every attempt is appended to $EMBARGO_NET_LOG as one JSON line. An
// attempt outside loopback is refused *before* the real call, so the observer itself never
// lets a packet out. Covers net/tls sockets (and so http, https and fetch), dns lookups and
// resolvers, http(s).request/get, tls.connect and dgram (UDP).
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const LOG = process.env.EMBARGO_NET_LOG;

function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true; // Node's default is localhost
  const name = String(host).replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '::ffff:127.0.0.1';
}

function record(api, target) {
  const local = target.path !== undefined;
  const loopback = local || isLoopback(target.host);
  if (LOG) appendFileSync(LOG, `${JSON.stringify({ pid: process.pid, api, ...target, loopback })}\n`);
  if (!loopback) throw new Error(`network observer: refused ${api} to ${target.host}:${target.port ?? ''}`);
}

function targetOf(args) {
  const [first, second] = args;
  if (Array.isArray(first)) return targetOf(first);
  if (first !== null && typeof first === 'object') {
    if (first instanceof URL) return { host: first.hostname, port: first.port };
    if (typeof first.path === 'string' && first.host === undefined && first.hostname === undefined) return { path: first.path };
    return { host: first.hostname ?? first.host, port: first.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first) && (second === undefined || typeof second === 'function')) {
    try {
      const url = new URL(first);
      return { host: url.hostname, port: url.port };
    } catch {
      return { path: first };
    }
  }
  return { host: typeof second === 'string' ? second : undefined, port: first };
}

const socketConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  record('net.Socket.connect', targetOf(args));
  return socketConnect.apply(this, args);
};

const tlsConnect = tls.connect;
tls.connect = function connect(...args) {
  record('tls.connect', targetOf(args));
  return tlsConnect.apply(this, args);
};

for (const [name, module] of [['http', http], ['https', https]]) {
  for (const method of ['request', 'get']) {
    const original = module[method];
    module[method] = function wrapped(...args) {
      record(`${name}.${method}`, targetOf(args));
      return original.apply(this, args);
    };
  }
}

for (const method of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveMx', 'resolveTxt', 'resolveSrv', 'reverse']) {
  const original = dns[method];
  if (typeof original === 'function') {
    dns[method] = function wrapped(...args) {
      record(`dns.${method}`, { host: args[0] });
      return original.apply(this, args);
    };
  }
  const promised = dns.promises[method];
  if (typeof promised === 'function') {
    dns.promises[method] = function wrapped(...args) {
      record(`dns.promises.${method}`, { host: args[0] });
      return promised.apply(this, args);
    };
  }
}

const createSocket = dgram.createSocket;
dgram.createSocket = function wrapped(...args) {
  const socket = createSocket.apply(this, args);
  const send = socket.send;
  socket.send = function sendWrapped(...sendArgs) {
    const host = sendArgs.find((arg, index) => index > 0 && typeof arg === 'string');
    const port = sendArgs.find((arg, index) => index > 0 && typeof arg === 'number');
    record('dgram.send', { host, port });
    return send.apply(this, sendArgs);
  };
  const connect = socket.connect;
  socket.connect = function connectWrapped(port, host, ...rest) {
    record('dgram.connect', { host: typeof host === 'string' ? host : undefined, port });
    return connect.call(this, port, host, ...rest);
  };
  return socket;
};

if (typeof globalThis.fetch === 'function') {
  const fetch = globalThis.fetch;
  globalThis.fetch = function wrapped(input, init) {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    record('fetch', { host: url.hostname, port: url.port });
    return fetch.call(this, input, init);
  };
}
