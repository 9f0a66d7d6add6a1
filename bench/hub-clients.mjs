// Load clients for /hubs/calendar, driven by the C# bench (bench/SyncDashboard.Bench/HubClients.cs).
//
//   node bench/hub-clients.mjs --url http://127.0.0.1:PORT --token sdt_... --clients 200 [--report 0]
//
// Opens N WebSocket connections (API token through accessTokenFactory), prints "ready" once all are connected,
// then one JSON line per calendarChanged received by client --report: {"seq":..,"eventIds":[..],"receivedAtMs":..}.
// On "stop" (or end of stdin) it prints {"summary":{...}} with the messages received across all clients and exits.
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const webProject = path.resolve(here, "..", "SyncDashboard.Web");
const signalR = createRequire(path.join(webProject, "package.json"))("@microsoft/signalr");

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const url = arg("url");
const token = arg("token");
const clients = Number(arg("clients", "1"));
const report = Number(arg("report", "0"));
if (!url || !token || !(clients > 0)) {
  console.error("usage: hub-clients.mjs --url BASE --token API_TOKEN --clients N [--report INDEX]");
  process.exit(2);
}

const received = new Array(clients).fill(0);
let closedUnexpectedly = 0;
let stopping = false;
const connections = [];

function open(index) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(new URL("/hubs/calendar", url).toString(), {
      accessTokenFactory: () => token,
      // Straight to WebSockets, as browsers end up; negotiate still runs (it carries the token check).
      transport: signalR.HttpTransportType.WebSockets,
    })
    .configureLogging(signalR.LogLevel.Error)
    .build();
  connection.serverTimeoutInMilliseconds = 120_000;
  connection.on("calendarChanged", (change) => {
    const now = Date.now();
    received[index]++;
    if (index === report) {
      process.stdout.write(JSON.stringify({ seq: change.seq, eventIds: change.eventIds, receivedAtMs: now }) + "\n");
    }
  });
  connection.onclose(() => { if (!stopping) closedUnexpectedly++; });
  connections[index] = connection;
  return connection.start();
}

// A few at a time: 200 simultaneous negotiates on a 2-core box would measure connection storms, not delivery.
const batch = 20;
for (let i = 0; i < clients; i += batch) {
  const starts = [];
  for (let j = i; j < Math.min(clients, i + batch); j++) starts.push(open(j));
  try {
    await Promise.all(starts);
  } catch (err) {
    console.error(`connect failed: ${err?.message ?? err}`);
    process.exit(1);
  }
}
process.stdout.write("ready\n");

async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled(connections.map((c) => c.stop()));
  const total = received.reduce((a, b) => a + b, 0);
  const summary = {
    clients,
    totalMessages: total,
    minPerClient: Math.min(...received),
    maxPerClient: Math.max(...received),
    closedUnexpectedly,
  };
  process.stdout.write(JSON.stringify({ summary }) + "\n");
  process.exit(0);
}

const input = readline.createInterface({ input: process.stdin });
input.on("line", (line) => { if (line.trim() === "stop") stop(); });
input.on("close", stop);
process.on("SIGTERM", stop);
