using System.Text;
using AsyncLead.Slack.Verification;

namespace AsyncLead.Slack.Tests.Verification;

public sealed class SlackSignatureTests
{
    // The official vector from Slack's "Verifying requests from Slack" page (CONTRACT.md §1).
    private const string DocsSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocsTimestamp = "1531420618";
    private const string DocsBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocsSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset DocsNow = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SignatureCheck Verify(string body, string? timestamp, string? signature, DateTimeOffset now, string secret = DocsSecret) =>
        SlackSignature.Verify(secret, timestamp, signature, Encoding.UTF8.GetBytes(body), now);

    [Fact]
    public void Docs_vector_body_is_the_documented_362_bytes()
    {
        Assert.Equal(362, Encoding.UTF8.GetByteCount(DocsBody));
    }

    [Fact]
    public void Docs_vector_passes_with_the_clock_at_its_timestamp()
    {
        var check = Verify(DocsBody, DocsTimestamp, DocsSignature, DocsNow);

        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(SignatureFailure.None, check.Failure);
    }

    [Fact]
    public void Docs_vector_is_stale_at_the_real_current_time()
    {
        var check = Verify(DocsBody, DocsTimestamp, DocsSignature, TimeProvider.System.GetUtcNow());

        Assert.False(check.IsValid);
        Assert.Equal(SignatureFailure.StaleTimestamp, check.Failure);
    }

    [Fact]
    public void Sign_reproduces_the_docs_signature()
    {
        Assert.Equal(DocsSignature, SlackSignature.Sign(DocsSecret, DocsTimestamp, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Theory]
    [InlineData(
        """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""",
        "v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652")]
    [InlineData(
        """{"type":"event_callback","event":{"type":"message","text":"café ☃"}}""",
        "v0=825e95e83c761e1d5e8263504a1529923b585bf8513ed2f86eed904e3202e33b")]
    [InlineData("", "v0=55f41ec73231010289b54e669149ea021fccab11b5524355523533ce930cb739")]
    public void Derived_vectors_pass(string body, string signature)
    {
        var check = Verify(body, DocsTimestamp, signature, DocsNow);

        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(signature, SlackSignature.Sign(DocsSecret, DocsTimestamp, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Utf8_body_is_hashed_as_utf8_bytes()
    {
        Assert.Equal(71, Encoding.UTF8.GetByteCount("""{"type":"event_callback","event":{"type":"message","text":"café ☃"}}"""));
    }

    [Fact]
    public void Tampered_body_is_a_mismatch()
    {
        var check = Verify(DocsBody.Replace("roadrunner", "wilecoyote", StringComparison.Ordinal), DocsTimestamp, DocsSignature, DocsNow);

        Assert.Equal(SignatureFailure.Mismatch, check.Failure);
    }

    [Fact]
    public void Wrong_secret_is_a_mismatch()
    {
        var check = Verify(DocsBody, DocsTimestamp, DocsSignature, DocsNow, secret: "8f742231b10e8888abcd99yyyzzz85a6");

        Assert.Equal(SignatureFailure.Mismatch, check.Failure);
    }

    [Fact]
    public void Signature_made_for_another_timestamp_is_a_mismatch()
    {
        var check = Verify(DocsBody, "1531420619", DocsSignature, DocsNow);

        Assert.Equal(SignatureFailure.Mismatch, check.Failure);
    }

    [Theory]
    [InlineData(null, DocsSignature)]
    [InlineData("", DocsSignature)]
    [InlineData(DocsTimestamp, null)]
    [InlineData(DocsTimestamp, "")]
    [InlineData(null, null)]
    public void Missing_headers_are_rejected(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureFailure.MissingHeaders, Verify(DocsBody, timestamp, signature, DocsNow).Failure);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("1531420618.5")]
    [InlineData(" 1531420618")]
    [InlineData("-1531420618")]
    [InlineData("99999999999999999999999")]
    public void Non_numeric_timestamp_is_rejected(string timestamp)
    {
        Assert.Equal(SignatureFailure.MalformedTimestamp, Verify(DocsBody, timestamp, DocsSignature, DocsNow).Failure);
    }

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("V0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Versions_other_than_v0_are_rejected(string signature)
    {
        Assert.Equal(SignatureFailure.UnsupportedVersion, Verify(DocsBody, DocsTimestamp, signature, DocsNow).Failure);
    }

    [Theory]
    [InlineData("v0=")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5033")]
    [InlineData("v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50 ")]
    public void Malformed_hex_is_rejected(string signature)
    {
        Assert.Equal(SignatureFailure.MalformedSignature, Verify(DocsBody, DocsTimestamp, signature, DocsNow).Failure);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    [InlineData(0)]
    public void Clock_within_300_seconds_either_side_is_accepted(int offsetSeconds)
    {
        var check = Verify(DocsBody, DocsTimestamp, DocsSignature, DocsNow.AddSeconds(offsetSeconds));

        Assert.True(check.IsValid, check.Reason);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Clock_301_seconds_away_either_side_is_rejected(int offsetSeconds)
    {
        var check = Verify(DocsBody, DocsTimestamp, DocsSignature, DocsNow.AddSeconds(offsetSeconds));

        Assert.Equal(SignatureFailure.StaleTimestamp, check.Failure);
    }

    [Fact]
    public void Failure_reasons_never_contain_the_secret_or_the_expected_mac()
    {
        var reasons = new[]
        {
            Verify(DocsBody, null, null, DocsNow),
            Verify(DocsBody, "x", DocsSignature, DocsNow),
            Verify(DocsBody, DocsTimestamp, DocsSignature, DocsNow.AddYears(1)),
            Verify(DocsBody, DocsTimestamp, "v1=00", DocsNow),
            Verify(DocsBody, DocsTimestamp, "v0=zz", DocsNow),
            Verify(DocsBody + "x", DocsTimestamp, DocsSignature, DocsNow),
        }.Select(check => check.Reason).ToList();

        Assert.All(reasons, reason =>
        {
            Assert.DoesNotContain(DocsSecret, reason, StringComparison.Ordinal);
            Assert.DoesNotContain("a2114d57", reason, StringComparison.Ordinal);
        });
        Assert.Equal(6, reasons.Distinct().Count());
    }
}
