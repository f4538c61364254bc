using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

/// <summary>
/// Works out, without changing anything, whether an instance can go on under another version of its process. Every
/// token, and every boundary event armed for it, must find its element id in the target version, of the same kind,
/// in the same enclosing scope, waiting on the same thing (topic, message, multi-instance order, arrived flow): then
/// the token stays exactly where it is and nothing runs again.
/// </summary>
internal static class MigrationPlanner
{
    public static MigrationPlan Plan(InstanceState state, ProcessModel source, int sourceVersion,
        string targetId, ProcessModel target, int targetVersion)
    {
        var moves = new List<MigrationMove>();
        var blockers = new List<MigrationBlocker>();
        var notes = new List<string>();
        var version = $"第 {targetVersion} 版";
        foreach (var token in state.Tokens)
        {
            var node = source.Node(token.ElementId);
            if (Check(token, node, source, target, version) is { } blocker)
            {
                blockers.Add(blocker);
                continue;
            }
            var moved = target.Node(node.Id);
            moves.Add(new MigrationMove(node.Id, node.Name, moved.Name, WaitOf(token), token.IncidentId ?? token.WaitId));
            foreach (var (waitId, armedId) in token.BoundaryEvents ?? [])
            {
                // A boundary event of the activity, or one of the events racing after an event-based gateway.
                var armed = source.Node(armedId);
                if ((armed is BoundaryNode boundary ? CheckBoundary(boundary, node, target, version) : Same(armed, target, version)) is { } problem)
                {
                    blockers.Add(problem);
                    continue;
                }
                moves.Add(new MigrationMove(armed.Id, armed.Name, target.Node(armed.Id).Name, ArmedKind(armed), waitId));
            }
            if (token.Status == TokenStatus.Waiting && !token.MultiInstanceInner)
            {
                notes.AddRange(target.BoundaryEventsOf(node.Id).Where(b => !source.Contains(b.Id))
                    .Select(b => $"{version}在{Label(moved)}上新增的边界事件{Label(b)}对本案件已在等待的这一步不生效"));
            }
        }
        foreach (var scope in state.Scopes)
        {
            foreach (var (waitId, startId) in scope.EventTriggers ?? [])
            {
                var start = source.Node(startId); // the start event of an event sub-process, waiting while its scope runs
                if (Same(start, target, version) is { } missing)
                {
                    blockers.Add(missing);
                    continue;
                }
                moves.Add(new MigrationMove(start.Id, start.Name, target.Node(start.Id).Name, ArmedKind(start), waitId));
            }
        }
        var active = state.Tokens.Select(t => t.ElementId)
            .Concat(state.Tokens.SelectMany(t => t.BoundaryEvents?.Values ?? Enumerable.Empty<string>())).ToHashSet();
        return new MigrationPlan(state.Id, source.Key, state.DefinitionId, sourceVersion, targetId, targetVersion,
            moves, blockers.Distinct().ToList(),
            target.AllNodes.Where(n => !source.Contains(n.Id)).Select(ToElement).ToList(),
            source.AllNodes.Where(n => !target.Contains(n.Id) && !active.Contains(n.Id)).Select(ToElement).ToList(),
            notes.Distinct().ToList());
    }

    private static MigrationBlocker? Check(Token token, FlowNode node, ProcessModel source, ProcessModel target, string version)
    {
        if (Same(node, target, version) is { } missing) return missing;
        var moved = target.Node(node.Id);
        if (source.ScopeOf(node.Id).Id != target.ScopeOf(node.Id).Id)
        {
            return Blocker(node, "element-scope-changed",
                $"{Label(node)}在{version}中所在的层级不同（{Where(source, node.Id)} → {Where(target, node.Id)}）");
        }
        if (node.MultiInstance?.Sequential != moved.MultiInstance?.Sequential)
        {
            return Blocker(node, "multi-instance-changed",
                $"{Label(node)}在{version}中由{MultiInstance(node)}改为{MultiInstance(moved)}");
        }
        if (token.WaitKind == WaitKind.Job && node is ServiceTaskNode { Topic: var topic }
            && moved is ServiceTaskNode { Topic: var newTopic } && newTopic != topic)
        {
            return Blocker(node, "topic-changed", $"{Label(node)}在{version}中改由主题 “{newTopic}” 处理，已排队的作业属于主题 “{topic}”");
        }
        if (token.WaitKind == WaitKind.Message && node is MessageCatchNode { MessageName: var message }
            && moved is MessageCatchNode { MessageName: var newMessage } && newMessage != message)
        {
            return Blocker(node, "message-changed", $"{Label(node)}在{version}中等待消息 “{newMessage}”，本案件在等待 “{message}”");
        }
        if (token.Status == TokenStatus.Joining && token.ArrivedVia is { } flow && !moved.Incoming.Contains(flow))
        {
            return Blocker(node, "join-flow-changed", $"{Label(node)}在{version}中没有本案件已到达的连线 “{flow}”");
        }
        return null;
    }

    private static MigrationWaitKind ArmedKind(FlowNode armed) => armed switch
    {
        BoundaryTimerNode or TimerCatchNode or TimerStartNode => MigrationWaitKind.BoundaryTimer,
        BoundaryConditionalNode => MigrationWaitKind.BoundaryCondition,
        _ => MigrationWaitKind.BoundaryMessage,
    };

    private static MigrationBlocker? CheckBoundary(BoundaryNode boundary, FlowNode activity, ProcessModel target, string version)
    {
        if (Same(boundary, target, version) is { } missing) return missing;
        var moved = (BoundaryNode)target.Node(boundary.Id);
        if (moved.AttachedToId != boundary.AttachedToId)
        {
            return Blocker(boundary, "boundary-moved",
                $"{Label(boundary)}在{version}中附着在{Label(target.Node(moved.AttachedToId))}上，不再附着在{Label(activity)}上");
        }
        if (boundary is BoundaryMessageNode { MessageName: var message }
            && moved is BoundaryMessageNode { MessageName: var newMessage } && newMessage != message)
        {
            return Blocker(boundary, "message-changed", $"{Label(boundary)}在{version}中等待消息 “{newMessage}”，本案件在等待 “{message}”");
        }
        return null;
    }

    // The element exists in the target version and is of the same kind.
    private static MigrationBlocker? Same(FlowNode node, ProcessModel target, string version)
    {
        if (!target.Contains(node.Id)) return Blocker(node, "element-missing", $"{Label(node)}在{version}中不存在");
        var kind = target.Node(node.Id).Kind;
        return kind == node.Kind
            ? null
            : Blocker(node, "element-kind-changed", $"{Label(node)}在{version}中由{KindName(node.Kind)}改为{KindName(kind)}");
    }

    private static MigrationBlocker Blocker(FlowNode node, string code, string reason) => new(node.Id, node.Name, code, reason);

    private static MigrationElement ToElement(FlowNode node) => new(node.Id, node.Name, node.Kind);

    private static MigrationWaitKind WaitOf(Token token) => token.Status switch
    {
        TokenStatus.Incident => MigrationWaitKind.Incident,
        TokenStatus.Joining => MigrationWaitKind.Join,
        _ => token.WaitKind switch
        {
            WaitKind.UserTask => MigrationWaitKind.UserTask,
            WaitKind.Job => MigrationWaitKind.Job,
            WaitKind.Timer => MigrationWaitKind.Timer,
            WaitKind.Message => MigrationWaitKind.Message,
            WaitKind.CallActivity => MigrationWaitKind.CallActivity,
            WaitKind.SubProcess => MigrationWaitKind.SubProcess,
            WaitKind.MultiInstance => MigrationWaitKind.MultiInstance,
            WaitKind.EventGateway => MigrationWaitKind.EventGateway,
            WaitKind.Condition => MigrationWaitKind.Condition,
            _ => throw new InvalidOperationException($"token {token.Id} at {token.ElementId} waits on nothing"),
        },
    };

    /// <summary>“名称（id）”, or “id” in quotes for an element without a name: what the reasons call an element.</summary>
    private static string Label(FlowNode node) => string.IsNullOrWhiteSpace(node.Name) ? $"“{node.Id}”" : $"{node.Name}（{node.Id}）";

    private static string Where(ProcessModel model, string nodeId) =>
        model.ScopeOf(nodeId) is var scope && scope == model.Root ? "流程顶层" : $"子流程{Label(model.Node(scope.Id))}";

    private static string MultiInstance(FlowNode node) => node.MultiInstance switch
    {
        null => "单实例",
        { Sequential: true } => "依次多实例",
        _ => "并行多实例",
    };

    private static string KindName(FlowNodeKind kind) => kind switch
    {
        FlowNodeKind.NoneStartEvent => "开始事件",
        FlowNodeKind.NoneEndEvent => "结束事件",
        FlowNodeKind.TerminateEndEvent => "终止结束事件",
        FlowNodeKind.NoneIntermediateThrowEvent => "中间抛出事件",
        FlowNodeKind.Task => "任务",
        FlowNodeKind.ManualTask => "手工任务",
        FlowNodeKind.UserTask => "用户任务",
        FlowNodeKind.ServiceTask => "服务任务",
        FlowNodeKind.ExpressionTask => "表达式任务",
        FlowNodeKind.ScriptTask => "脚本任务",
        FlowNodeKind.ExclusiveGateway => "排他网关",
        FlowNodeKind.ParallelGateway => "并行网关",
        FlowNodeKind.InclusiveGateway => "包容网关",
        FlowNodeKind.SubProcess => "子流程",
        FlowNodeKind.TimerStartEvent => "定时开始事件",
        FlowNodeKind.TimerCatchEvent => "定时捕获事件",
        FlowNodeKind.BoundaryTimerEvent => "定时边界事件",
        FlowNodeKind.MessageStartEvent => "消息开始事件",
        FlowNodeKind.MessageCatchEvent => "消息捕获事件",
        FlowNodeKind.ReceiveTask => "接收任务",
        FlowNodeKind.CallActivity => "调用活动",
        FlowNodeKind.BoundaryMessageEvent => "消息边界事件",
        FlowNodeKind.ErrorEndEvent => "错误结束事件",
        FlowNodeKind.EscalationEndEvent => "升级结束事件",
        FlowNodeKind.EscalationThrowEvent => "升级抛出事件",
        FlowNodeKind.BoundaryErrorEvent => "错误边界事件",
        FlowNodeKind.BoundaryEscalationEvent => "升级边界事件",
        FlowNodeKind.SignalStartEvent => "信号开始事件",
        FlowNodeKind.SignalCatchEvent => "信号捕获事件",
        FlowNodeKind.SignalThrowEvent => "信号抛出事件",
        FlowNodeKind.SignalEndEvent => "信号结束事件",
        FlowNodeKind.BoundarySignalEvent => "信号边界事件",
        FlowNodeKind.EventBasedGateway => "事件网关",
        FlowNodeKind.EventSubProcess => "事件子流程",
        FlowNodeKind.ConditionalCatchEvent => "条件捕获事件",
        FlowNodeKind.BoundaryConditionalEvent => "条件边界事件",
        FlowNodeKind.ErrorStartEvent => "错误开始事件",
        FlowNodeKind.EscalationStartEvent => "升级开始事件",
        _ => kind.ToString(),
    };
}
