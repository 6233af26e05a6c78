using Microsoft.Extensions.DependencyInjection;

namespace AsyncLead.Slack.Dispatch;

/// <summary>A handler class added with <c>AddSlackHandler&lt;T&gt;()</c>; its routes are read once at start.</summary>
internal sealed record SlackHandlerRegistration(Type HandlerType);
