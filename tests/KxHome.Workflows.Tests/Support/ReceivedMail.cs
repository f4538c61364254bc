namespace KxHome.Workflows.Tests.Support;

/// <summary>A mail as the real SMTP server received and parsed it; <see cref="To"/> holds bare addresses.</summary>
public sealed record ReceivedMail(string Id, string Subject, IReadOnlyList<string> To, string? Html, string? Text);
