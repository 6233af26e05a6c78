using Markdig.Syntax;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>Maps Markdig source spans back to line numbers (a setext heading's <c>Line</c> is its underline).</summary>
internal sealed class SourceLines
{
    private readonly int[] starts;

    public SourceLines(string[] lines)
    {
        Lines = lines;
        starts = new int[lines.Length];
        for (var i = 1; i < lines.Length; i++)
        {
            starts[i] = starts[i - 1] + lines[i - 1].Length + 1;
        }
    }

    public string[] Lines { get; }

    public int StartOf(int line) => starts[line];

    public (int First, int Last) Of(Block block) =>
        block.Span.IsEmpty ? (block.Line, block.Line) : (LineAt(block.Span.Start), LineAt(block.Span.End));

    private int LineAt(int position)
    {
        var index = Array.BinarySearch(starts, position);
        return index >= 0 ? index : ~index - 1;
    }
}
