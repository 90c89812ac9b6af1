"""Running jobs: the plan of a run, the runner that sends batches, the crash-safe journal, the events a run
yields, and the reports of what Market did."""
