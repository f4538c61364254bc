using KxHome.Host.Identity;
using KxHome.Host.Representatives;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Hosting;

/// <summary>
/// 科协代表之家 in Jiangsu, for a new user to see: last year's call decided (two homes designated, each waiting for its
/// yearly assessment), and this year's under way (in filing until April 30, then waiting for review to end): one
/// application the office still has to check, one the second expert has still to score (jsexpert2's 待办), and one scored
/// whose representative keeps in touch with too few S&amp;T workers (R33). Filed the way applicants would, without the
/// deadline's refusal: the demo shows a year already under way.
/// </summary>
public sealed class DemoRepresentatives(AppDbContext db, WorkflowEngine engine, RepresentativeDesk desk, UserManager<AppUser> users)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Calls.AnyAsync(ct)) return;
        var office = await DemoCases.IdOfAsync(users, "jiangsu");
        var experts = new[] { await DemoCases.IdOfAsync(users, "jsexpert"), await DemoCases.IdOfAsync(users, "jsexpert2") };
        var year = desk.Today.Year;

        var decided = await OpenCallAsync(office, year - 1);
        var wuxi = await ApplyAsync(decided, "wuxi", "wx", "无锡市科协代表之家", Representatives(5));
        await ScoreAsync(decided, wuxi, office, experts, 92, 88);
        var ai = await ApplyAsync(decided, "aisociety", "js-ai", "省人工智能学会科协代表之家", Representatives(6));
        await ScoreAsync(decided, ai, office, experts, 86, 84);
        await DemoCases.CompleteAsync(engine, decided.CaseId, "review", office, new() { ["confirmed"] = true, ["note"] = "评审结束" }, null);
        foreach (var caseId in new[] { wuxi, ai }) await DemoCases.WaitAtAsync(engine, caseId, "anniversary"); // the ranking ran, each told

        var current = await OpenCallAsync(office, year);
        var nanjing = await ApplyAsync(current, "nanjing", "nj", "南京市科协代表之家", Representatives(5));
        await DemoCases.CompleteAsync(engine, nanjing, "check", office, new() { ["complete"] = true, ["opinion"] = "材料齐全" }, null);
        await CompleteScoreAsync(current, nanjing, experts[0], 90);
        var panda = await ApplyAsync(current, "panda", "nj-panda", "熊猫电子科协代表之家", Representatives(4));
        await ScoreAsync(current, panda, office, experts, 78, 81);
        var society = await ApplyAsync(current, "society", "js-mech", "省机械工程学会科协代表之家", Representatives(5));
        await DemoCases.OpenTaskAsync(engine, society, "check");
        await DemoCases.OpenTaskAsync(engine, nanjing, "score");
    }

    /// <summary>A call of <paramref name="year"/> opened by the office: in filing until its deadline, then waiting for review to end.</summary>
    private async Task<Call> OpenCallAsync(string office, int year)
    {
        var started = await engine.StartAsync(CallDesk.Request("js", office, year));
        await DemoCases.WaitAtAsync(engine, started.Id, "closes", "review");
        return await db.Calls.AsNoTracking().SingleAsync(c => c.CaseId == started.Id);
    }

    private async Task<Guid> ApplyAsync(Call call, string login, string organisation, string name, string representatives)
    {
        var applicant = await DemoCases.IdOfAsync(users, login);
        var started = await engine.StartAsync(RepresentativeStart.For(new StartRequest(CallDesk.HomeFlow) { StartedBy = applicant, Owner = organisation }, call, desk.Zone));
        await DemoCases.CompleteAsync(engine, started.Id, "apply", applicant, new()
        {
            ["homeName"] = name, ["place"] = "市科协科技会堂二楼代表活动室", ["contactName"] = "王亮", ["contactPhone"] = "13951000000",
            ["contactEmail"] = "office@example.org", ["proposal"] = Proposal, ["representatives"] = representatives, ["declaration"] = true,
        }, null);
        return started.Id;
    }

    private async Task ScoreAsync(Call call, Guid caseId, string office, string[] experts, int first, int second)
    {
        await DemoCases.CompleteAsync(engine, caseId, "check", office, new() { ["complete"] = true, ["opinion"] = "材料齐全" }, null);
        await CompleteScoreAsync(call, caseId, experts[0], first);
        await CompleteScoreAsync(call, caseId, experts[1], second);
        await DemoCases.WaitAtAsync(engine, caseId, "decided");
    }

    /// <summary>The expert's own scoring task of the case, completed with points reaching <paramref name="total"/>: the call's rubric filled item by item.</summary>
    private async Task CompleteScoreAsync(Call call, Guid caseId, string expert, int total)
    {
        await DemoCases.OpenTaskAsync(engine, caseId, "score");
        var task = (await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Single(t => t.ElementId == "score" && t.Assignee == expert);
        var points = new Dictionary<string, object?> { ["opinion"] = "场所固定，代表联系机制健全，活动特色鲜明" };
        foreach (var item in Rubric.FromJson(call.Rubric).Items)
        {
            points[item.Field] = Math.Min(item.Max, total);
            total -= Math.Min(item.Max, total);
        }
        await engine.CompleteTaskAsync(task.Id, expert, points, null);
    }

    /// <summary>Two representatives, the second keeping in touch with <paramref name="contacts"/> S&amp;T workers.</summary>
    private static string Representatives(int contacts) =>
        "张明远：李建华、王海燕、刘志强、陈静、周晓东\n" + "赵文博：" + string.Join("、", new[] { "孙丽", "吴刚", "郑磊", "冯婷", "何平", "韩雪" }.Take(contacts));

    private const string Proposal =
        "一、建设目标。依托本单位现有的科技会堂，建设固定的科协代表活动场所，设立醒目的“科协代表之家”标志，配备学习办公设施和党刊报纸，方便代表学习和讨论。"
        + "围绕“四服务”职责定位，集聚省、市、县三级科协代表力量，把代表之家建成科技工作者愿意来、留得住的温馨之家。"
        + "二、管理制度。制定服务代表的管理办法和年度工作计划，安排专项经费，组建由秘书处、志愿者和学会工作人员组成的服务队伍。"
        + "建立代表联系服务科技工作者的工作机制，每位代表至少联系五名科技工作者，每季度走访一次，及时了解他们的所思所想所盼。"
        + "运用省科协代表服务平台，及时跟踪报道代表活动情况和代表之家运行情况，每月更新活动台账。"
        + "三、代表加党建。把代表之家建成科技工作者的党建示范阵地，推动三级代表联动，探索党建带科建、科建促党建的工作模式。"
        + "开设红学堂和读书吧，每月组织一次理论学习，每季度邀请专家作形势报告，把政治引领落到实处，增强代表的主人感、使命感和责任感。"
        + "四、代表加窗口。常态化组织代表开展线上线下交流，围绕产业发展热点问题开展专题研讨，听取科技工作者诉求，吸纳意见建议。"
        + "每年开展一次科技工作者状况调查，形成调查报告报送省科协，力所能及为科技工作者排忧解难，使代表之家成为代表爱去、想去、自觉去的共享空间。"
        + "五、代表加邻里。发挥代表的模范带头作用，结合自身专业特长，带领所联系的科技工作者走进社区、农村和校园，精准推送科普服务。"
        + "重点围绕健康生活、安全应急、智能制造和乡村振兴等主题，每年组织不少于十二场科普活动，梳理邻里人群的多样化需求，突出内容为王。"
        + "六、代表加创新。组建代表创新联合体，举办专题沙龙，围绕企业技术需求开展产学研交流研讨，每年促成一批校企合作项目。"
        + "组建科技辅导员队伍，对接科普教育基地，组织青少年科普研学，服务双减。联合社会力量建设科创空间，指导和扶持青年科技工作者创新创业。"
        + "七、保障措施。成立由单位主要负责人任组长的工作领导小组，明确分管领导和责任部门，将代表之家建设纳入年度重点工作考核。"
        + "落实专项经费，加强与省科协、各级学会和企业科协的协作，定期总结经验做法，形成具有地方特色、可复制推广的代表服务品牌。"
        + "八、特色亮点。结合本地产业集群优势，打造“代表＋产业链”服务模式，由代表牵头对接链上企业的技术难题，组织高校院所专家开展联合攻关，"
        + "每年发布一批技术需求和成果清单，推动科技成果在本地转化落地，让代表之家成为服务创新发展的重要平台。"
        + "九、预期成效。通过两年建设，代表联系科技工作者的覆盖面明显扩大，代表活动常态化、品牌化，科技工作者的获得感和归属感不断增强。";
}
