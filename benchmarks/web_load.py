"""The web app under load: C concurrent clients on 127.0.0.1, each in a bounded loop.

    python benchmarks/web_load.py                          # 10,000-document synthetic store
    python benchmarks/web_load.py --docs 205 --clients 20 --seconds 20 --workers 1

The knowledge base is the synthetic one of `web_ttfb.py` (built if missing). `dossier serve`
runs in a subprocess as a user would start it; then, for each URL in turn, `--clients` clients
each request it over and over for `--seconds` seconds (a client waits for its answer before
asking again: a closed loop, so the server is never handed more than C requests at once).
Reported per URL: requests per second, p50 / p95 / max latency in milliseconds, and errors
(any status but 200, or a transport failure). The last line printed is one JSON object.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
# a sibling script, not a package
from web_ttfb import build, counts, free_port, wait_until_up  # noqa: E402

URLS = ["/api/events", "/"]


async def _client(host: str, port: int, url: str, until: float, latencies: list[float],
                  errors: list[str]) -> None:
    """One keep-alive connection asking for `url` until `until`. A bare HTTP/1.1 client: the
    load comes from the same two cores as the server, and httpx spends milliseconds of CPU per
    request that would be taken from the server being measured."""
    request = f"GET {url} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode()
    reader = writer = None
    while time.perf_counter() < until:
        t0 = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = head.split(b" ", 2)[1]
            length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            await reader.readexactly(length)
            if status != b"200":
                errors.append(status.decode())
        except (OSError, asyncio.IncompleteReadError, StopIteration) as exc:
            errors.append(type(exc).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
        latencies.append((time.perf_counter() - t0) * 1000)
    if writer is not None:
        writer.close()


def load(port: int, url: str, clients: int, seconds: float) -> dict:
    """`clients` closed loops on one URL for `seconds`: throughput, latency, errors."""
    latencies: list[float] = []
    errors: list[str] = []

    async def run() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(*(_client("127.0.0.1", port, url, until, latencies, errors)
                               for _ in range(clients)))

    t0 = time.perf_counter()
    asyncio.run(run())
    elapsed = time.perf_counter() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1)

    return {"requests": len(latencies), "per_second": round(len(latencies) / elapsed, 1),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "max_ms": round(latencies[-1], 1),
            "errors": len(errors), "error_kinds": sorted(set(errors))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=None,
                        help="knowledge base (default: /tmp/dossier-load-DOCS.db, built if "
                             "missing)")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=None,
                        help="server processes (default: dossier serve's own default)")
    parser.add_argument("--url", action="append", help="URL to load (repeatable)")
    args = parser.parse_args()

    db = args.db or Path(f"/tmp/dossier-load-{args.docs}.db")
    if not db.exists() or counts(db)["documents"] < args.docs:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        build(db, args.docs)
    sizes = counts(db)
    port = free_port()
    command = [str(Path(sys.executable).parent / "dossier"), "serve", "--db", str(db),
               "--port", str(port)]
    if args.workers:
        command += ["--workers", str(args.workers)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    results = {}
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            wait_until_up(client)
            for url in args.url or URLS:
                for _ in range(3):
                    client.get(url)   # warm up every worker's caches a little
        for url in args.url or URLS:
            results[url] = load(port, url, args.clients, args.seconds)
            print(f"{url:30} {results[url]}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps({"documents": sizes["documents"], "events": sizes["events"],
                      "clients": args.clients, "seconds": args.seconds,
                      "workers": args.workers, "results": results}))


if __name__ == "__main__":
    main()
