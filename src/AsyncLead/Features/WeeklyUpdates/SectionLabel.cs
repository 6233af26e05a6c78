using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>A section label found at the start of a line: the bullet kept from before it, and the text after it.</summary>
internal readonly record struct SectionLabel(UpdateSection Section, string Bullet, string Rest);
