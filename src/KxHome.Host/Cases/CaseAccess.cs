using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Cases;

/// <summary>
/// Reads a case or task for a viewer, or nothing: what a person may not see answers the same as what does not
/// exist. A case copied to someone (抄送) may be read by them too.
/// </summary>
public sealed class CaseAccess(WorkflowEngine engine)
{
    public async Task<InstanceView?> CaseAsync(Viewer viewer, Guid id)
    {
        InstanceView instance;
        try
        {
            instance = await engine.Queries.GetInstanceAsync(id);
        }
        catch (WorkflowNotFoundException)
        {
            return null;
        }
        return await CanReadAsync(viewer, instance.Id, instance.Owner) ? instance : null;
    }

    /// <summary>A task the viewer may act on (offered to them or held by them), or null.</summary>
    public async Task<UserTaskView?> ActionableTaskAsync(Viewer viewer, Guid taskId)
    {
        var task = await TaskAsync(taskId);
        return task is not null && viewer.CanAct(task) ? task : null;
    }

    /// <summary>A task the viewer may read: one they may act on, or one of a case they may read.</summary>
    public async Task<UserTaskView?> ReadableTaskAsync(Viewer viewer, Guid taskId)
    {
        var task = await TaskAsync(taskId);
        if (task is null) return null;
        return viewer.CanAct(task) || task.CompletedBy == viewer.UserId || await CanReadAsync(viewer, task.InstanceId, task.Owner) ? task : null;
    }

    public async Task<bool> CanReadAsync(Viewer viewer, Guid instanceId, string? owner) =>
        viewer.CanSee(owner) || await engine.Queries.IsCopiedToAsync(instanceId, viewer.UserId);

    private async Task<UserTaskView?> TaskAsync(Guid taskId)
    {
        try
        {
            return await engine.Queries.GetTaskAsync(taskId);
        }
        catch (WorkflowNotFoundException)
        {
            return null;
        }
    }
}
