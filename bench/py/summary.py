"""Prints one result line (JSON on stdin) as a short human summary for the run's progress log."""
import json
import sys

r = json.loads(sys.stdin.read())
text = f"{r['rps']:.0f}/s p50 {r['p50Ms']:.2f} ms p99 {r['p99Ms']:.2f} ms"
if r["type"] == "api":
    text += f" (2xx {r['s2xx']}, 3xx {r['s3xx']}, 4xx {r['s4xx']}, 5xx {r['s5xx']}, socket errors {r['socketErrors'] + r['timeouts']}"
    text += f", changed {r['changed']})" if r.get("changed") else ")"
else:
    text += f" ({r['transactions']} transactions, {r['failed']} failed)"
print(text)
