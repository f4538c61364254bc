using KxHome.Workflows.Core;

namespace KxHome.Host.Cases;

/// <summary>The person is signed in but their role does not allow the operation (403), e.g. an approver starting a case.</summary>
public sealed class NotAllowedException(string code, string message) : WorkflowException(code, message);
