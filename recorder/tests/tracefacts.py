"""Facts compared between runs: the printed lines with their times, and the task events.

Reads loopscope traces (format version 1 or 2, as the recorder writes them) and the CPython
reference files in `expected/` (one JSON object per line, kinds `print`, `task_*`)."""
import json

NS = 1000000000


def parse_time(v):
    """Trace times are exact decimals; compare them in whole nanoseconds."""
    s = repr(v) if isinstance(v, float) else str(v)
    if "e" in s or "E" in s:
        return int(round(float(s) * NS))
    whole, _, frac = s.partition(".")
    frac = (frac + "000000000")[:9]
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole or "0")) * NS + int(frac))


def read_trace(path):
    """(header, files, events) of a loopscope trace, events with `t` filled in and compact
    `yielded` lines expanded into `suspended` + `scheduled`."""
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    header, files, events = lines[0], [], []
    t = 0
    for d in lines[1:]:
        if "file" in d:
            files.append(d)
            continue
        if "kind" not in d:
            continue
        if "t" in d:
            t = parse_time(d["t"])
        d["t"] = t
        if d["kind"] == "yielded":
            sus = {"t": t, "kind": "suspended", "task": d["task"], "wait": "yield", "count": 0}
            if "at" in d:
                sus["at"] = d["at"]
            events.append(sus)
            events.append({"t": t, "kind": "scheduled", "task": d["task"], "why": "yielded"})
            continue
        events.append(d)
    return header, files, events


def trace_facts(path):
    """{'output': [(t, stream, text)], 'tasks': [(name, kind)], 'per_task': {name: [kind]}}."""
    _, _, events = read_trace(path)
    names, lanes = {}, {}
    output, order = [], []
    for e in events:
        k = e["kind"]
        if k == "created":
            names[e["task"]] = e["name"]
            lanes[e["task"]] = e["lane"]
        if k == "printed":
            output.append((e["t"], e.get("stream", "stdout"), e.get("text", "")))
            continue
        task = e.get("task", -1)
        if lanes.get(task) != "task":
            continue
        kind = {"created": "created", "started": "started", "suspended": "suspended",
                "resumed": "resumed", "completed": "done", "failed": "done",
                "cancelled": "done", "cancelRequested": "cancel"}.get(k)
        if kind:
            order.append((e["t"], names[task], kind))
    return _pack(output, order)


def reference_facts(path):
    """The same facts from a CPython reference file (`expected/<case>.jsonl`)."""
    output, order = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            k = d["kind"]
            t = parse_time(d["t"])
            if k == "print":
                output.append((t, "stdout", d["text"]))
                continue
            kind = {"task_created": "created", "task_started": "started",
                    "task_suspended": "suspended", "task_resumed": "resumed",
                    "task_done": "done", "task_cancel": "cancel"}.get(k)
            if kind:
                order.append((t, d["task"], kind))
    return _pack(output, order)


def _pack(output, order):
    per_task = {}
    for _, name, kind in order:
        per_task.setdefault(name, []).append(kind)
    return {"output": output, "tasks": order, "per_task": per_task}
