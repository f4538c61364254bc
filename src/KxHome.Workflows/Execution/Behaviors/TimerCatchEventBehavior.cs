using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>An intermediate timer catch event arms its timer and waits until it fires.</summary>
internal sealed class TimerCatchEventBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        var timer = step.Arm(((TimerCatchNode)node).Timer, token, node) with { Cycle = null }; // a catch event fires once
        step.Record(HistoryKind.TimerArmed, node, data: new JsonObject { ["dueAt"] = VariableValues.FormatDateTime(timer.DueAt) });
        return Outcome.WaitOn(timer);
    }
}
