using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Association;

/// <summary>
/// 发送邮件通知: mails <c>to</c> (a role such as <c>applicant</c> or <c>district</c>, or a person's id) the
/// <c>subject</c> and <c>body</c>. The mail goes through the outbox like every other, once per job.
/// </summary>
public sealed class SendMailHandler(IServiceScopeFactory scopes) : IServiceTaskHandler
{
    public string Topic => "kx-send-mail";

    public async Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        string Input(string name, string label) =>
            context.Variables.TryGetValue(name, out var value) && value?.ToString().Trim() is { Length: > 0 } text
                ? text
                : throw new InvalidOperationException($"“{context.ElementId}”：请填写{label}（{name}）");
        var notice = new NewNotice(NoticeKind.FlowMessage, context.InstanceId, null)
        {
            Recipient = Input("to", "收件人"), Comment = $"{Input("subject", "主题")}\n{Input("body", "正文")}", DedupKey = $"flow-mail:{context.JobId}",
        };
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().AddNoticesAsync([notice], cancellationToken);
        return null;
    }
}
