using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

// Migration: an administrator moves a running case to another version of its flow. Versions are immutable, so this is
// the only way a case leaves the version it started on; the elsa-core#6620 failure (completed steps running again after
// a version change) is avoided by moving nothing but the case's version: its tokens stay where they are.
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// The dry run of <see cref="MigrateAsync"/>: where each thing the case waits on would go in the target version,
    /// what stops the move, and what the target adds or removes where the case is not. Changes nothing. Refused for a
    /// version of another process, the case's own version, and an ended case.
    /// </summary>
    public Task<MigrationPlan> PlanMigrationAsync(Guid instanceId, string targetDefinitionId, CancellationToken ct = default) =>
        TransactAsync(async session =>
        {
            var (row, target, targetModel) = await MigrationTargetAsync(session, instanceId, targetDefinitionId, ct);
            // Read, not taken from the state cache: this transaction writes nothing to put it back.
            var state = StateSerializer.Read((await StepReader.StateAsync(session, instanceId, ct))!);
            var model = await _definitions.GetAsync(session, row.DefinitionId, ct);
            return MigrationPlanner.Plan(state, model, row.DefinitionVersion, target.Id, targetModel, target.Version);
        }, ct);

    /// <summary>
    /// Moves a running case to another version of its flow in one step: open tasks keep their ids, assignees,
    /// candidates and due dates, pending timers their due times, jobs and message subscriptions stay as they are;
    /// nothing already done runs again and nothing the case waits at is entered again. From then on the case follows
    /// the target version. Refused with <c>migration-blocked</c> (the reasons in the message) when the plan has
    /// blockers, and as <see cref="PlanMigrationAsync"/> refuses; then nothing changes. Returns the plan carried out.
    /// </summary>
    public Task<MigrationPlan> MigrateAsync(Guid instanceId, string targetDefinitionId, string userId, CancellationToken ct = default) =>
        TransactAsync(async session =>
        {
            var (_, target, targetModel) = await MigrationTargetAsync(session, instanceId, targetDefinitionId, ct);
            var (row, step) = await LoadStepAsync(session, instanceId, ct);
            var plan = MigrationPlanner.Plan(step.State, step.Model, row.DefinitionVersion, target.Id, targetModel, target.Version);
            if (!plan.CanMigrate)
            {
                throw new WorkflowException("migration-blocked",
                    $"不能迁移到第 {target.Version} 版：{string.Join("；", plan.Blockers.Select(b => b.Reason))}");
            }
            var moved = new Step(targetModel, step.State, _services);
            moved.MoveToVersion(target.Id, row.DefinitionVersion, target.Version, userId);
            row.DefinitionId = target.Id;
            row.DefinitionVersion = target.Version;
            await MoveWaitRowsAsync(session, row, targetModel, ct);
            await SaveAsync(session, row, moved, userId, isNew: false, ct);
            return plan;
        }, ct);

    /// <summary>The case and the version it may move to: another version of the same process.</summary>
    private async Task<(InstanceRow Row, DefinitionRow Target, ProcessModel TargetModel)> MigrationTargetAsync(
        StepSession session, Guid instanceId, string targetDefinitionId, CancellationToken ct)
    {
        var row = await StepReader.InstanceHeaderAsync(session, instanceId, ct)
            ?? throw new WorkflowNotFoundException("instance-not-found", "流程实例不存在");
        if (row.Status != InstanceStatus.Active) throw new WorkflowConflictException("instance-ended", "流程实例已结束，不能迁移");
        var target = await StepReader.DefinitionByIdAsync(session, targetDefinitionId, ct)
            ?? throw new WorkflowNotFoundException("definition-not-found", $"流程定义 “{targetDefinitionId}” 不存在");
        if (target.Key != row.DefinitionKey)
        {
            throw new WorkflowException("migration-other-process",
                $"只能迁移到本流程（{row.DefinitionKey}）的其他版本，“{target.Id}” 属于流程 “{target.Key}”");
        }
        if (target.Id == row.DefinitionId)
        {
            throw new WorkflowException("migration-same-version", $"案件已在第 {target.Version} 版上，无需迁移");
        }
        return (row, target, await _definitions.GetAsync(session, target.Id, ct));
    }

    /// <summary>
    /// The case and the rows that name its version follow it; timers take their event's name in the target version (what
    /// the deadline list shows) and keep their due times, so their alarms stand.
    /// </summary>
    private static async Task MoveWaitRowsAsync(StepSession session, InstanceRow row, ProcessModel target, CancellationToken ct)
    {
        await StepWriter.MoveToVersionAsync(session, row, ct);
        await TimerStore.MoveToVersionAsync(session, row.Id, row.DefinitionId, target, ct);
        await MessageStore.MoveToVersionAsync(session, row.Id, row.DefinitionId, ct);
    }
}
