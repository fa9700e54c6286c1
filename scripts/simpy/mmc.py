"""A textbook M/M/c queue in SimPy 3, for scripts/bench-simpy.ts to time against our engine.

python3 scripts/simpy/mmc.py [--customers=N] [--runs=R] [--servers=C] [--load=RHO] [--service=MEAN] [--seed=S]

c servers (2), Poisson arrivals at the rate that loads them to RHO (0.95), exponential service
with mean MEAN minutes (10), a fixed number of customers per run. The environment is stepped by
hand so that every event it processes is counted: the arrival timeouts, each customer process's
start, its request and release of a server, its service timeout, and its end. Each run is timed
twice on the same seed, once stepped and counted and once by env.run() (the same events, without
the counting loop), and the faster is the figure, so SimPy is not charged for our counting.
Random numbers from random.Random(seed + run). Prints one line of JSON.
"""

import json
import random
import sys
import time

import simpy


def arg(name, default, kind):
    for a in sys.argv[1:]:
        if a.startswith(f"--{name}="):
            return kind(a.split("=", 1)[1])
    return default


CUSTOMERS = arg("customers", 200_000, int)
RUNS = arg("runs", 3, int)
SERVERS = arg("servers", 2, int)
LOAD = arg("load", 0.95, float)
SERVICE = arg("service", 10.0, float)
SEED = arg("seed", 1, int)
ARRIVAL_RATE = LOAD * SERVERS / SERVICE


def build(seed):
    """The model on a fresh environment: returns it and its tally of waits [count, total]."""
    env = simpy.Environment()
    rng = random.Random(seed)
    servers = simpy.Resource(env, capacity=SERVERS)
    waits = [0, 0.0]

    def customer(env):
        arrived = env.now
        with servers.request() as req:
            yield req
            waits[0] += 1
            waits[1] += env.now - arrived
            yield env.timeout(rng.expovariate(1.0 / SERVICE))

    def source(env):
        for _ in range(CUSTOMERS):
            yield env.timeout(rng.expovariate(ARRIVAL_RATE))
            env.process(customer(env))

    env.process(source(env))
    return env, waits


def stepped(seed):
    env, waits = build(seed)
    n = 0
    inf = float("inf")
    t0 = time.perf_counter()
    while env.peek() < inf:
        env.step()
        n += 1
    return n, time.perf_counter() - t0, waits


def run_whole(seed):
    env, waits = build(seed)
    t0 = time.perf_counter()
    env.run()
    return time.perf_counter() - t0, waits


def main():
    events = 0
    seconds_stepped = 0.0
    seconds_run = 0.0
    served = 0
    wait_total = 0.0
    for r in range(RUNS):
        n, dt, waits = stepped(SEED + r)
        dt_run, waits_run = run_whole(SEED + r)
        assert waits_run == waits, "env.run() and stepping disagree"
        events += n
        seconds_stepped += dt
        seconds_run += dt_run
        served += waits[0]
        wait_total += waits[1]
    seconds = min(seconds_stepped, seconds_run)
    print(
        json.dumps(
            {
                "simpy": simpy.__version__,
                "python": sys.version.split()[0],
                "servers": SERVERS,
                "load": LOAD,
                "serviceMean": SERVICE,
                "customers": CUSTOMERS * RUNS,
                "runs": RUNS,
                "events": events,
                "eventsPerCustomer": events / (CUSTOMERS * RUNS),
                "seconds": seconds,
                "secondsStepped": seconds_stepped,
                "secondsRun": seconds_run,
                "eventsPerSecond": events / seconds,
                "customersPerSecond": CUSTOMERS * RUNS / seconds,
                "meanWait": wait_total / served,
            }
        )
    )


if __name__ == "__main__":
    main()
