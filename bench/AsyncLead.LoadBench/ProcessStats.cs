using System.Globalization;

namespace AsyncLead.LoadBench;

/// <summary>What Linux says about a process: its resident memory now and at its peak, and the CPU time it has used.</summary>
public static class ProcessStats
{
    public static long ResidentKb(int pid) => StatusKb(pid, "VmRSS:");

    /// <summary>The high-water mark of resident memory since the process started.</summary>
    public static long PeakResidentKb(int pid) => StatusKb(pid, "VmHWM:");

    /// <summary>User plus system CPU time, all threads (<c>/proc/pid/stat</c> fields 14 and 15, in clock ticks of 1/100 s).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static long StatusKb(int pid, string field) =>
        File.ReadLines($"/proc/{pid}/status").Where(line => line.StartsWith(field, StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).Single();
}
