using ImageQuality.Bench;
using ImageQuality.Bench.Compare;

// `compare` times the toolkit, dcmtk and pydicom on the same files in one run; anything else goes to BenchmarkDotNet.
return args.Length > 0 && args[0] == "compare"
    ? CompareCommand.Run(args[1..])
    : BenchmarkCommand.Run(args);
