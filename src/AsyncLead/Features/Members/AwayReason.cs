namespace AsyncLead.Features.Members;

/// <summary>What keeps someone out: their AsyncLead away days or their Slack status.</summary>
public enum AwayReason
{
    /// <summary>Away days set in AsyncLead.</summary>
    Away,

    /// <summary>A Slack status saying they are out of office, on holiday or off sick.</summary>
    OutOfOffice,
}
