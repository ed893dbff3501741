using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ImageQuality.Bench.Decode;

/// <summary>CPU time of the calling thread (Linux clock_gettime), precise to the microsecond; process time elsewhere.</summary>
internal static partial class CpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static double ThreadMilliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out Timespec t) == 0)
        {
            return (t.Seconds * 1e3) + (t.Nanoseconds / 1e6);
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
