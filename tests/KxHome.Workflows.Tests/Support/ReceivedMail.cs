namespace KxHome.Workflows.Tests.Support;

/// <summary>A mail as the real SMTP server received and parsed it; <see cref="To"/> holds bare addresses.</summary>
public sealed record ReceivedMail(string Id, string Subject, IReadOnlyList<string> To, string? Html, string? Text)
{
    /// <summary>The display names of the recipients, decoded.</summary>
    public IReadOnlyList<string> ToNames { get; init; } = [];

    /// <summary>The display name of the sender, decoded.</summary>
    public string? FromName { get; init; }

    /// <summary>The Message-ID header (the outbox makes it from the notice and the recipient).</summary>
    public string? MessageId { get; init; }

    /// <summary>The file names of the attachments, decoded.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
}
