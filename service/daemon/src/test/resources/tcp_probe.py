"""Real TCP through the lab router, run inside a namespace with `ip netns exec NS python3 tcp_probe.py`.

  serve PORT                 echo server: answers each line with the peer address it saw
  connect HOST PORT COUNT [TIMEOUT]
                             COUNT short connections one after another, each given TIMEOUT seconds
                             (default 5); prints the peers seen, as JSON
  hold HOST PORT EACH SECS   long-lived connections, at least EACH through every peer address seen,
                             each exchanging a line every 100 ms for SECS after "ready"; prints JSON
                             (per connection: exchanges, longest gap, error, when the last answer came)
"""
import json
import socket
import socketserver
import sys
import threading
import time

INTERVAL = 0.1
# Long enough for TCP's retransmissions to meet a reset after a failover.
REPLY_TIMEOUT = 8.0


class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        peer = self.client_address[0].encode()
        for _ in self.rfile:
            self.wfile.write(peer + b"\n")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 128


def serve(port):
    with Server(("0.0.0.0", port), Echo) as server:
        print("listening", flush=True)
        server.serve_forever()


def exchange(conn, reader):
    conn.sendall(b"ping\n")
    line = reader.readline()
    if not line:
        raise ConnectionAbortedError("closed by the peer")
    return line.decode().strip()


def connect(host, port, count, timeout):
    via, errors = {}, []
    for _ in range(count):
        try:
            with socket.create_connection((host, port), timeout=timeout) as conn, conn.makefile("rb") as reader:
                peer = exchange(conn, reader)
                via[peer] = via.get(peer, 0) + 1
        except OSError as e:
            errors.append(type(e).__name__ + ": " + str(e))
    print(json.dumps({"via": via, "failed": len(errors), "errors": errors[:5]}), flush=True)


class Held(threading.Thread):
    def __init__(self, conn, reader, via, stop):
        super().__init__(daemon=True)
        self.conn, self.reader, self.via, self.stop = conn, reader, via, stop
        self.exchanges, self.max_gap, self.error, self.error_at = 1, 0.0, None, None
        self.last_at = time.time()

    def run(self):
        self.conn.settimeout(REPLY_TIMEOUT)
        last = time.monotonic()
        while not self.stop.is_set():
            self.stop.wait(INTERVAL)
            try:
                exchange(self.conn, self.reader)
            except OSError as e:
                self.error, self.error_at = type(e).__name__, time.time()
                break
            now = time.monotonic()
            self.max_gap = max(self.max_gap, now - last)
            self.exchanges, last, self.last_at = self.exchanges + 1, now, time.time()
        self.conn.close()

    def summary(self):
        return {"via": self.via, "exchanges": self.exchanges, "max_gap": round(self.max_gap, 3),
                "error": self.error, "error_at": self.error_at, "last_at": self.last_at}


def hold(host, port, each, seconds):
    stop = threading.Event()
    held, via = [], {}
    for _ in range(300):
        if len(via) >= 2 and min(via.values()) >= each:
            break
        conn = socket.create_connection((host, port), timeout=5)
        reader = conn.makefile("rb")
        peer = exchange(conn, reader)
        via[peer] = via.get(peer, 0) + 1
        held.append(Held(conn, reader, peer, stop))
    for h in held:
        h.start()
    print("ready " + json.dumps(via), flush=True)
    stop.wait(seconds)
    stop.set()
    for h in held:
        h.join(REPLY_TIMEOUT + 2)
    print(json.dumps([h.summary() for h in held]), flush=True)


def main(args):
    if args[0] == "serve":
        serve(int(args[1]))
    elif args[0] == "connect":
        connect(args[1], int(args[2]), int(args[3]), float(args[4]) if len(args) > 4 else 5.0)
    elif args[0] == "hold":
        hold(args[1], int(args[2]), int(args[3]), float(args[4]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
