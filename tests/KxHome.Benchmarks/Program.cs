using System.Diagnostics;
using KxHome.Benchmarks;

// Prints one `name: value` line per figure. Ratios compare figures measured in this same run.
var instances = args.Length > 0 ? int.Parse(args[0]) : 400;
var root = RepositoryRoot.Find();
var flow = File.ReadAllText(Path.Combine(root, "workflows", "approval.bpmn"));

var persisted = await EngineBenchmark.PersistedStepsPerSecondAsync(flow, instances);
var raw = RawSqliteBenchmark.CommitsPerSecond(commits: instances * 4);
var inMemory = EngineBenchmark.InMemoryInstancesPerSecond(flow, instances: 20_000);
var peer = PeerBenchmark.BpmnEngineInstancesPerSecond(root, instances: 300);

Report.Line("engine.persisted_steps_per_s", persisted);
Report.Line("sqlite.raw_commits_per_s", raw);
Report.Line("engine.persisted_vs_raw", persisted / raw, "0.00");
Report.Line("engine.inmemory_instances_per_s", inMemory);
Report.Line("peer.bpmn_engine_instances_per_s", peer);
Report.Line("engine.inmemory_vs_bpmn_engine", inMemory / peer, "0.0");
Report.Line("engine.peak_rss_mb", Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0);
