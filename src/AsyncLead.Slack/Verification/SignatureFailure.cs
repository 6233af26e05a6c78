namespace AsyncLead.Slack.Verification;

public enum SignatureFailure
{
    None,
    MissingHeaders,
    MalformedTimestamp,
    StaleTimestamp,
    UnsupportedVersion,
    MalformedSignature,
    Mismatch,
}
