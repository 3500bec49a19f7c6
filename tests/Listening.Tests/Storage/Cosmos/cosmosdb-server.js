// Test-side front for @vercel/cosmosdb-server (a Cosmos DB protocol server for Node).
//
// Usage: node cosmosdb-server.js <node_modules folder>   → prints "READY <port>" once listening.
//
// It serves HTTPS on 127.0.0.1 (the package's self-signed certificate) and forwards to the server
// running in-process over plain HTTP, patching the two gaps the .NET SDK trips on:
//   1. query-plan requests (header x-ms-cosmos-is-query-plan-request) get a pass-through plan: one
//      full key range, no rewrite. The server evaluates the whole query itself (it has a single
//      partition), so ORDER BY and VALUE COUNT come back already complete.
//   2. a point read of a missing document comes back 500 (the server dereferences undefined);
//      it is answered 404 NotFound, as Cosmos DB does.
// It also replaces the server's flat "1 RU per request" with an RU *model* (below) so the store
// adapter's RU metering sees charges shaped like real ones. The model's constants are Microsoft's
// rule-of-thumb figures, not measurements; what the tests measure is which operations, how many
// and how large the adapter issues per item (docs/azure.md, "Cost model").
"use strict";
const path = require("path");
const http = require("http");
const https = require("https");
const fs = require("fs");

const modules = process.argv[2];
const pkg = path.join(modules, "@vercel", "cosmosdb-server");
const { createHttpServer } = require(pkg);

const RU = {
  readPerKb: 1, // 1 KB point read ≈ 1 RU
  insertPerKb: 5.5, // 1 KB insert ≈ 5.5 RU with default indexing
  rewriteFactor: 2, // replace / upsert-over / patch: remove old index terms + add new
  queryBase: 2.5, // per query page, before documents
  queryPerKb: 1, // per KB of documents returned
  failed: 1, // 404, 409, 412 and other refusals
  metadata: 1, // account, database, container, pkranges reads (SDK caches them)
};

const kb = (bytes) => Math.max(1, bytes / 1024);

function charge(req, status, reqBytes, resBytes) {
  const isDoc = /\/docs(\/|$)/.test(req.url);
  if (!isDoc) return RU.metadata;
  if (status >= 400) return RU.failed;
  const h = req.headers;
  if (req.method === "GET") return req.url.match(/\/docs\/[^/]+$/) ? RU.readPerKb * kb(resBytes) : RU.queryBase + RU.queryPerKb * (resBytes / 1024);
  if (req.method === "POST" && String(h["x-ms-documentdb-isquery"]).toLowerCase() === "true")
    return RU.queryBase + RU.queryPerKb * (resBytes / 1024);
  if (req.method === "POST") return RU.insertPerKb * kb(reqBytes) * (status === 200 ? RU.rewriteFactor : 1); // 201 created, 200 upsert replaced
  if (req.method === "PUT" || req.method === "PATCH") return RU.insertPerKb * kb(resBytes) * RU.rewriteFactor;
  if (req.method === "DELETE") return RU.insertPerKb;
  return RU.metadata;
}

const queryPlan = JSON.stringify({
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: "None",
    top: null,
    offset: null,
    limit: null,
    orderBy: [],
    orderByExpressions: [],
    groupByExpressions: [],
    groupByAliases: [],
    aggregates: [],
    groupByAliasToAggregateType: {},
    rewrittenQuery: "",
    hasSelectValue: false,
    dCountInfo: null,
    hasNonStreamingOrderBy: false,
  },
  queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }],
});

const inner = createHttpServer().listen(0, "127.0.0.1", () => {
  const innerPort = inner.address().port;
  const options = { cert: fs.readFileSync(path.join(pkg, "cert.pem")), key: fs.readFileSync(path.join(pkg, "key.pem")) };
  const outer = https.createServer(options, (req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (String(req.headers["x-ms-cosmos-is-query-plan-request"]).toLowerCase() === "true") {
        res.writeHead(200, { "content-type": "application/json", "x-ms-request-charge": "0", "x-ms-activity-id": "00000000-0000-0000-0000-000000000000" });
        res.end(queryPlan);
        return;
      }
      const forward = http.request(
        { host: "127.0.0.1", port: innerPort, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${innerPort}` } },
        (up) => {
          const parts = [];
          up.on("data", (c) => parts.push(c));
          up.on("end", () => {
            let status = up.statusCode;
            let out = Buffer.concat(parts);
            const headers = { ...up.headers };
            if (status === 500 && req.method === "GET" && /\/docs\/[^/]+$/.test(req.url)) {
              status = 404;
              out = Buffer.from(JSON.stringify({ code: "NotFound", message: "Entity with the specified id does not exist in the system." }));
              headers["content-type"] = "application/json";
            }
            headers["content-length"] = String(out.length);
            headers["x-ms-request-charge"] = charge(req, status, body.length, out.length).toFixed(2);
            res.writeHead(status, headers);
            res.end(out);
          });
        },
      );
      forward.on("error", (e) => {
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(String(e));
      });
      forward.end(body);
    });
  });
  outer.listen(0, "127.0.0.1", () => {
    process.stdout.write(`READY ${outer.address().port}\n`);
  });
});

// The test fixture ends us by closing stdin (and by killing the process as a fallback).
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
