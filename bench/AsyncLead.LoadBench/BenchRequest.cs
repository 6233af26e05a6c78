using System.Diagnostics;
using System.Net.Http.Headers;
using AsyncLead.Sandbox.Simulation;

namespace AsyncLead.LoadBench;

/// <summary>A request to send: path, body and content type. Signing happens just before sending, with a fresh timestamp.</summary>
public sealed record BenchRequest(string Path, string Body, string ContentType, bool Signed = true);
