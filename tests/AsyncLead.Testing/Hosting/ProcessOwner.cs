using System.Diagnostics;
using System.Globalization;

namespace AsyncLead.Testing.Hosting;

/// <summary>
/// The processes a test process starts (host processes, PostgreSQL clusters, chromedriver and its browser) die with it,
/// even when it is killed. Disposing them ends them when a test ends; this covers what disposal cannot: a test host
/// killed by <c>kill -9</c>, a crash, or a hang timeout. Linux gives no parent-death signal across processes .NET
/// starts (<c>PR_SET_PDEATHSIG</c> belongs to the forking thread, and thread-pool threads come and go), so a watchdog
/// does it: a small shell process, detached from our process tree, reads the owned pids from a pipe only we hold open.
/// When we exit in any way the kernel closes that pipe; the watchdog reads end-of-file and kills every process still
/// owned, with its descendants, after checking by start time that the pid still names the process we registered.
/// </summary>
public sealed class ProcessOwner : IDisposable
{
    // Runs in a subshell the launching bash leaves behind (so a kill of our process tree does not reach it), with the
    // pipe as fd 3 (a background job's stdin would be /dev/null) and no output (our stdout may be gone).
    private const string Watchdog =
        """
        exec 3<&0
        (
          exec </dev/null >/dev/null 2>&1
          trap '' HUP INT TERM PIPE
          declare -A owned
          while read -r op pid started <&3; do
            case "$op" in
              +) owned[$pid]=$started ;;
              -) unset "owned[$pid]" ;;
            esac
          done
          starttime() { local line; read -r line < "/proc/$1/stat" || return 1; set -- ${line##*) }; echo "${20}"; }
          victims=()
          for pid in "${!owned[@]}"; do
            [ "$(starttime "$pid")" = "${owned[$pid]}" ] || continue
            kill -STOP "$pid"
            victims+=("$pid")
          done
          # Descendants, found by parent pid (a stopped parent cannot start new ones meanwhile).
          for ((i = 0; i < ${#victims[@]}; i++)); do
            for stat in /proc/[0-9]*/stat; do
              read -r line < "$stat" 2>/dev/null || continue
              set -- ${line##*) }
              if [ "$2" = "${victims[$i]}" ]; then
                child=${stat#/proc/}; child=${child%/stat}
                kill -STOP "$child"
                victims+=("$child")
              fi
            done
          done
          for pid in "${victims[@]}"; do kill -KILL "$pid"; done
        ) &
        """;

    private readonly Lock _gate = new();
    private readonly Process _watchdog;
    private bool _disposed;

    private ProcessOwner()
    {
        var start = new ProcessStartInfo("bash", ["-c", Watchdog]) { RedirectStandardInput = true, UseShellExecute = false };
        _watchdog = Process.Start(start) ?? throw new InvalidOperationException("could not start the process watchdog (bash)");
        _watchdog.StandardInput.AutoFlush = true;
    }

    /// <summary>The test process itself: what it owns dies with it.</summary>
    public static ProcessOwner TestProcess { get; } = new();

    /// <summary>An owner of its own, for testing the watchdog: disposing it is what our death does to the pipe.</summary>
    public static ProcessOwner CreateForTest() => new();

    /// <summary>From now on <paramref name="pid"/> (and whatever it starts) dies with this owner unless released.</summary>
    public void Own(int pid)
    {
        // One that already exited needs no owner.
        if (StartTime(pid) is { } started)
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _watchdog.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"+ {pid} {started}"));
            }
        }
    }

    /// <summary>The process ended (or was ended) on purpose: the watchdog forgets it, so a reused pid is never hit.</summary>
    public void Release(int pid)
    {
        lock (_gate)
        {
            // After our end the watchdog has done its work: there is nothing left to forget.
            if (!_disposed)
            {
                _watchdog.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {pid} 0"));
            }
        }
    }

    /// <summary>Field 22 of <c>/proc/pid/stat</c>: with the pid, it names one process for the machine's lifetime.</summary>
    public static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19];
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="pid"/> still runs (a zombie, dead but not yet reaped, counts as gone).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Closes the pipe as our exit would: the watchdog kills whatever is still owned.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _watchdog.StandardInput.Close();
            _watchdog.Dispose();
        }
    }
}
