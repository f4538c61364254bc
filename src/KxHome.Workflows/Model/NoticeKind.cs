namespace KxHome.Workflows.Model;

/// <summary>What a notice tells people; the host turns each into emails.</summary>
public enum NoticeKind
{
    /// <summary>A user task was opened: its candidates or assignee are told.</summary>
    TaskCreated,

    /// <summary>A case ended (completed, cancelled or withdrawn): its applicant is told.</summary>
    CaseEnded,

    /// <summary>A case went back to the applicant for correction (补正).</summary>
    CorrectionRequested,

    /// <summary>Someone asked the holder of a task to act (催办).</summary>
    TaskUrged,

    /// <summary>A case was copied to someone for information (抄送).</summary>
    TaskCopied,

    /// <summary>A task's deadline is near (a reminder).</summary>
    DeadlineReminder,

    /// <summary>A task's deadline has passed.</summary>
    DeadlinePassed,

    /// <summary>A flow's 发送邮件通知 task: <c>Recipient</c> is a role or a person, <c>Comment</c> the subject, a line break, the text.</summary>
    FlowMessage,

    /// <summary>
    /// A message to an organisation's applicants about one of its records, outside any case (a 催办 of late news):
    /// <c>Recipient</c> is the organisation, <c>Comment</c> the subject, the text and the record page's path, one a line.
    /// </summary>
    OrganisationMessage,
}
