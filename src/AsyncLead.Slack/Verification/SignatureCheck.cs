namespace AsyncLead.Slack.Verification;

/// <summary>Outcome of a signature check. <see cref="Reason"/> is for logs: it never contains the secret or the expected MAC.</summary>
public sealed record SignatureCheck(SignatureFailure Failure, string Reason)
{
    public static SignatureCheck Valid { get; } = new(SignatureFailure.None, "valid");

    public bool IsValid => Failure == SignatureFailure.None;

    internal static SignatureCheck Fail(SignatureFailure failure, string reason) => new(failure, reason);
}
