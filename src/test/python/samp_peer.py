"""An independent SAMP peer for iso-samp's interoperability tests: astropy.samp (Debian's
python3-astropy, run with /usr/bin/python3), never iso-samp's own code.

  samp_peer.py hub LOCKFILE SECONDS       run an astropy hub writing LOCKFILE; prints "ready"
  samp_peer.py receive MTYPE N SECONDS    join the hub of $SAMP_HUB, take N calls of MTYPE, read each
                                          url with astropy and print one JSON line per message
  samp_peer.py point RA DEC SECONDS       send coord.pointAt.sky as a call to every subscriber and
                                          print their replies as JSON

Everything stays on loopback: astropy.samp's conf.use_internet is off (by default astropy fetches
http://google.com to decide whether to listen on the host's name) and every hub and client listens on
127.0.0.1. An audit hook enforces it: a lookup of, a connection to or a bind on any other host prints
"off-loopback: ..." and ends the peer at once (exit 4), so the Java test that started it fails.
"""
import json
import os
import signal
import socket
import sys
import threading
import urllib.request
import warnings

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
# urllib looks up the machine's own name to open a file://localhost/ lockfile URL: a local lookup, allowed
OWN_NAME = socket.gethostname()


def _host(value):
    return value.decode("ascii", "replace") if isinstance(value, (bytes, bytearray)) else value


def _loopback_only(event, args):
    """Audit hook: refuses name lookups, connections and binds that are not for loopback (or a Unix socket)."""
    host = None
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        host = _host(args[0])
        if host == OWN_NAME:
            return
    elif event in ("socket.connect", "socket.bind") and isinstance(args[1], tuple):
        host = _host(args[1][0])
    else:
        return
    if host is not None and host not in LOOPBACK:
        # an exception could be swallowed (astropy's internet_on catches everything): end the process
        print("off-loopback: " + event + " " + repr(args[1:] if event in ("socket.connect", "socket.bind") else args),
              flush=True)
        os._exit(4)


sys.addaudithook(_loopback_only)
warnings.simplefilter("ignore")

from astropy.samp import SAMPHubServer, SAMPIntegratedClient, conf  # noqa: E402

conf.use_internet = False
ADDR = "127.0.0.1"


def hub(lockfile, seconds):
    """Runs the hub until SIGTERM (the test's destroy) or for at most SECONDS, then stops it cleanly."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    server = SAMPHubServer(lockfile=lockfile, web_profile=False, addr=ADDR)
    server.start(wait=False)
    print("ready", flush=True)
    try:
        stop.wait(seconds)
    finally:
        server.stop()


def load(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        data = r.read()
    if data[:6] == b"SIMPLE":
        from astropy.io import fits
        import io
        with fits.open(io.BytesIO(data)) as h:
            return {"format": "fits", "hdus": len(h)}
    from astropy.io.votable import parse_single_table
    import io
    t = parse_single_table(io.BytesIO(data)).to_table()
    return {"format": "votable", "rows": len(t), "columns": list(t.colnames)}


def receive(mtype, count, seconds):
    client = SAMPIntegratedClient(name="astropy-peer", description="iso-samp test peer", addr=ADDR)
    client.connect()
    done = threading.Event()
    got = []

    def on_call(private_key, sender_id, msg_id, mt, params, extra):
        try:
            info = load(params["url"])
            info.update({"mtype": mt, "params": params})
            got.append(info)
            print(json.dumps(info), flush=True)
            client.reply(msg_id, {"samp.status": "samp.ok", "samp.result": {}})
        except Exception as e:  # report to the sender, as a real tool would
            client.reply(msg_id, {"samp.status": "samp.error", "samp.error": {"samp.errortxt": str(e)}})
        if len(got) >= count:
            done.set()

    def on_notify(private_key, sender_id, mt, params, extra):
        info = load(params["url"])
        info.update({"mtype": mt, "params": params, "notification": True})
        got.append(info)
        print(json.dumps(info), flush=True)
        if len(got) >= count:
            done.set()

    client.bind_receive_call(mtype, on_call)
    client.bind_receive_notification(mtype, on_notify)
    print("ready " + client.get_public_id(), flush=True)
    done.wait(seconds)
    client.disconnect()
    sys.exit(0 if len(got) >= count else 3)


def point(ra, dec, seconds):
    client = SAMPIntegratedClient(name="astropy-pointer", addr=ADDR)
    client.connect()
    try:
        out = {}
        for cid in client.get_subscribed_clients("coord.pointAt.sky"):
            r = client.call_and_wait(cid, {"samp.mtype": "coord.pointAt.sky",
                                           "samp.params": {"ra": str(ra), "dec": str(dec)}}, str(int(seconds)))
            out[cid] = r
        print(json.dumps(out), flush=True)
    finally:
        client.disconnect()


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "hub":
        hub(sys.argv[2], float(sys.argv[3]))
    elif cmd == "receive":
        receive(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
    elif cmd == "point":
        point(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    else:
        sys.exit("unknown command " + cmd)
