#!/usr/bin/python3
"""Plays VMC cycles over UDP with liblo, an OSC implementation independent of rigcast's.

Reads a JSON plan on stdin:
  {"host": "127.0.0.1", "port": 39539, "hz": 60,
   "cycles": [ [ bundle, ... ], ... ]}   # a cycle is a list of bundles sent back to back
  where a bundle is a list of messages [address, [[typetag, value], ...]].
Cycle i is sent at start + i / hz (an absolute schedule, so late cycles catch up and the rate
holds). Prints one JSON line when it starts ({"start": epoch seconds}) and one when done
({"sent": cycles, "late_ms": worst lateness, "sent_at": [epoch ms each cycle went out]}).
"""
import json
import sys
import time

import liblo

plan = json.load(sys.stdin)
target = liblo.Address(plan["host"], plan["port"], liblo.UDP)
period = 1.0 / plan["hz"]
cycles = [
    [liblo.Bundle(*[liblo.Message(address, *[(tag, value) for tag, value in args]) for address, args in bundle]) for bundle in cycle]
    for cycle in plan["cycles"]
]

start_wall = time.time()
start = time.monotonic()
print(json.dumps({"start": start_wall}), flush=True)
worst_late = 0.0
sent_at = []
for i, cycle in enumerate(cycles):
    due = start + i * period
    delay = due - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    else:
        worst_late = max(worst_late, -delay)
    sent_at.append(time.time() * 1000)
    for bundle in cycle:
        liblo.send(target, bundle)
print(json.dumps({"sent": len(cycles), "late_ms": worst_late * 1000, "sent_at": sent_at}), flush=True)
