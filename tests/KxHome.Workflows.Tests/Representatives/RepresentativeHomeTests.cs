using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Representatives;

/// <summary>科协代表之家 (seed 004): Jiangsu's call, who may apply, the plan and deadline, expert scoring, the quota and two-year designations.</summary>
public sealed class RepresentativeHomeTests : IAsyncDisposable
{
    private readonly TestHost _host = new(start: RepresentativeDriver.March);
    private readonly HomeDriver _drive;
    private readonly RepresentativeDriver _calls;

    public RepresentativeHomeTests()
    {
        _drive = new HomeDriver(_host);
        _calls = new RepresentativeDriver(_drive);
    }

    [Fact]
    public async Task A_round_of_12_with_quota_10_designates_the_10_best_and_tells_the_2_others_R36()
    {
        var logins = new List<string>(); // the organisations first: the office sees those that exist when it signs in
        for (var i = 1; i <= 12; i++)
        {
            var kind = (i % 3) switch { 0 => OrganisationKind.City, 1 => OrganisationKind.Society, _ => OrganisationKind.Enterprise };
            logins.Add(await _calls.ApplicantAsync($"js-applicant-{i}", $"申报单位{i}", kind));
        }
        var call = await _calls.OpenCallAsync();
        var cases = new List<(Guid Case, string Login, int Total)>();
        for (var i = 1; i <= 12; i++)
        {
            var total = 60 + i * 3; // 63 … 96: applicant 12 is the best, 1 and 2 the last
            cases.Add((await _calls.FileScoredAsync(logins[i - 1], $"第{i}号科协代表之家", total, total - 2), logins[i - 1], total));
        }
        await _drive.AdvanceToAsync(2026, 5, 6);
        await _calls.DecideAsync(call);

        foreach (var (caseId, login, total) in cases)
        {
            var home = await _calls.HomeAsync(caseId);
            var expectedRank = 13 - (total - 60) / 3;
            home.Rank.Should().Be(expectedRank);
            home.Score.Should().Be(total - 1, "the mean of the two experts' totals");
            var ended = expectedRank <= 10 ? "tellDesignated" : "declined";
            await JobRuns.UntilAsync(_drive.Engine, async () => (await _drive.Engine.Queries.GetInstanceAsync(caseId)).History.Any(h => h.ElementId == ended));
            if (expectedRank <= 10)
            {
                home.Status.Should().Be(RepresentativeHomeStatus.Designated);
                home.DesignatedOn.Should().Be(new DateOnly(2026, 5, 6));
                home.ValidUntil.Should().Be(new DateOnly(2028, 5, 5), "two years (R36)");
                (await _calls.MailsToAsync(_host, login)).Should().Contain(m => m.StartsWith("科协代表之家认定通知"));
            }
            else
            {
                home.Status.Should().Be(RepresentativeHomeStatus.Declined);
                home.EndReason.Should().Contain($"排名第 {expectedRank} 名，未进入本年度 10 个认定名额");
                (await _drive.SettleAsync(caseId)).Status.Should().Be(InstanceStatus.Completed);
                (await _calls.MailsToAsync(_host, login)).Should().Contain(m => m.StartsWith("科协代表之家评审结果"));
            }
        }

        var (status, html) = await new PageClient(_host.Factory.CreateClient()).GetAsync("/results?year=2026");
        status.Should().Be(HttpStatusCode.OK, "the results are published to everyone (R36)");
        html.Should().Contain("第12号科协代表之家").And.Contain("第3号科协代表之家").And.NotContain("第2号科协代表之家");
    }

    [Fact]
    public async Task A_plan_of_999_characters_is_refused_and_1000_accepted_whitespace_not_counted_R35()
    {
        await _calls.OpenCallAsync();
        var login = await _calls.ApplicantAsync("js-city", "苏州市科协");
        var caseId = await _calls.StartAsync(login);
        var proposal = RepresentativeDriver.Proposal(999);
        proposal.Length.Should().BeGreaterThan(1000, "the plan has spaces and line breaks between its characters");

        var refused = await _calls.TryApplyAsync(caseId, login, RepresentativeDriver.Application("苏州科协代表之家", 999));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("申报方案须不少于 1000 字（不计空白），现为 999 字（R35）").And.Contain("proposal");
        (await _drive.ReadAsync(db => db.RepresentativeHomes.CountAsync())).Should().Be(0, "nothing is filed");

        await _calls.ApplyAsync(caseId, login, RepresentativeDriver.Application("苏州科协代表之家", 1000));
        await _drive.WaitAtAsync(caseId, "check");
        (await _calls.HomeAsync(caseId)).ProposalCharacters.Should().Be(1000);
    }

    [Fact]
    public async Task An_application_filed_on_May_1_is_refused_R35()
    {
        await _calls.OpenCallAsync();
        var login = await _calls.ApplicantAsync("js-late", "常州市科协");
        var started = await _calls.StartAsync(login); // started in time, submitted too late
        var prompt = await _calls.ApplicantAsync("js-prompt", "南通市科协");
        var inTime = await _calls.StartAsync(prompt);
        await _drive.AdvanceToAsync(2026, 4, 30, 23);
        await _calls.ApplyAsync(inTime, prompt, RepresentativeDriver.Application("南通科协代表之家")); // 23:00 in Beijing, 15:00 UTC: in time
        await _drive.AdvanceToAsync(2026, 5, 1);

        var refused = await _calls.TryApplyAsync(started, login, RepresentativeDriver.Application("常州科协代表之家"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("本年度科协代表之家申报已于2026年4月30日截止，逾期不再受理（R35）");
        var other = await _calls.ApplicantAsync("js-late2", "镇江市科协");
        var start = await _calls.TryStartAsync(other);
        start.IsSuccessStatusCode.Should().BeFalse();
        (await start.Content.ReadAsStringAsync()).Should().Contain("2026年4月30日截止");
    }

    [Fact]
    public async Task An_application_sent_back_for_correction_is_resubmitted_after_the_deadline_and_one_never_completed_is_declined_unranked_R35()
    {
        var call = await _calls.OpenCallAsync();
        var corrected = await _calls.StartAsync("society");
        await _calls.ApplyAsync(corrected, "society", RepresentativeDriver.Application("机械工程学会科协代表之家"));
        var filedAt = (await _calls.HomeAsync(corrected)).FiledAt;
        var abandoned = await _calls.StartAsync("panda");
        await _calls.ApplyAsync(abandoned, "panda", RepresentativeDriver.Application("熊猫电子科协代表之家"));
        await _calls.CheckAsync(corrected, complete: false);
        await _calls.CheckAsync(abandoned, complete: false);
        (await _drive.WaitAtAsync(abandoned, "apply")).Single().DueAt.Should().Be(new DateTime(2026, 4, 30, 16, 0, 0, DateTimeKind.Utc),
            "sent back in March, the 补正 is due by the filing deadline");
        (await _calls.MailsToAsync(_host, "panda")).Should().Contain(m => m.StartsWith("科协代表之家申报需补正"));
        var unfiled = await _calls.StartAsync("nanjing"); // started, never submitted

        await _drive.AdvanceToAsync(2026, 5, 3);
        await _calls.ApplyAsync(corrected, "society", RepresentativeDriver.Application("机械工程学会科协代表之家（补正）"));
        await _calls.CheckAsync(corrected);
        (await _calls.HomeAsync(corrected)).FiledAt.Should().Be(filedAt, "a 补正 after the deadline keeps the first filing (R35)");
        await _drive.CompleteAsync(corrected, "score", RepresentativeDriver.Experts[0], RepresentativeDriver.Score(75));
        var early = await _calls.TryCloseAsync(call);
        early.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await early.Content.ReadAsStringAsync()).Should().Contain("以下申报的形式审查或专家评分尚未完成，评审还不能结束：机械工程学会科协代表之家（补正）");
        await _drive.CompleteAsync(corrected, "score", RepresentativeDriver.Experts[1], RepresentativeDriver.Score(77));
        await _calls.WaitingAtAsync(corrected, "decided");

        await _calls.DecideAsync(call);
        (await _calls.HomeAsync(corrected)).Status.Should().Be(RepresentativeHomeStatus.Designated);
        var never = await _calls.HomeAsync(abandoned);
        (never.Status, never.Rank).Should().Be((RepresentativeHomeStatus.Declined, (int?)null));
        never.EndReason.Should().Be("评审结束时补正材料仍未提交，未进入评审");
        (await _drive.SettleAsync(abandoned)).Status.Should().Be(InstanceStatus.Cancelled);
        (await _drive.SettleAsync(unfiled)).Status.Should().Be(InstanceStatus.Cancelled, "nothing is left for an application never filed");
    }

    [Fact]
    public async Task The_calls_numbers_are_Jiangsus_settings_and_a_change_never_alters_a_call_under_way_R32_R35_R36()
    {
        using var admin = await _host.SignInAsync("admin");
        var settings = (await admin.GetFromJsonAsync<JsonArray>("/api/policy/Jiangsu/2026"))!
            .ToDictionary(k => k!["key"]!.GetValue<string>(), k => k!["value"]!.GetValue<string>());
        settings.Should().Contain(new Dictionary<string, string>
        {
            ["RepresentativeFilingDeadline"] = "04-30", ["RepresentativeQuota"] = "10", ["RepresentativeValidityYears"] = "2",
            ["MinProposalCharacters"] = "1000", ["MinContactsPerRepresentative"] = "5",
        });
        settings.Should().NotContainKey("MinAreaM2", "Jiangsu's rule set shows only its own rules");
        var rubric = Rubric.From(Policy.Defaults(RuleSet.Jiangsu, 2026));
        (rubric.MaxOf(Rubric.Basic), rubric.MaxOf(Rubric.Activities)).Should().Be((30, 70), "R32: basic conditions 30, activities 70");

        var zero = await admin.PutAsJsonAsync("/api/policy/Jiangsu/2026", new { values = new Dictionary<string, string> { ["RepresentativeValidityYears"] = "0" } });
        zero.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await zero.Content.ReadAsStringAsync()).Should().Contain("科协代表之家认定有效期须为 1 至 10 的整数");

        await _calls.OpenCallAsync();
        (await admin.PutAsJsonAsync("/api/policy/Jiangsu/2026", new { values = new Dictionary<string, string> { ["RepresentativeQuota"] = "3" } }))
            .IsSuccessStatusCode.Should().BeTrue();
        var call = (await admin.GetFromJsonAsync<JsonArray>("/api/representative-calls"))!.Single()!;
        call["quota"]!.GetValue<int>().Should().Be(10, "the call took its numbers when it opened");
    }

    [Fact]
    public async Task Only_a_province_office_publishes_a_call_and_only_once_a_year()
    {
        foreach (var login in new[] { "nanjing", "admin", "district" })
        {
            var refused = await (await _drive.AsAsync(login)).PostAsync("/api/representative-calls", null);
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, login);
            (await refused.Content.ReadAsStringAsync()).Should().Contain("只有省科协办公室可以发布科协代表之家申报通知");
        }
        await _calls.OpenCallAsync();
        var twice = await (await _drive.AsAsync(RepresentativeDriver.Office)).PostAsync("/api/representative-calls", null);
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).Should().Contain("2026年度的科协代表之家申报通知已经发布");
        (await _drive.ReadAsync(db => db.Calls.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task A_street_association_may_not_apply_and_a_designated_organisation_may_not_apply_again_R34()
    {
        var call = await _calls.OpenCallAsync();
        var street = await _calls.TryStartAsync("hunanlu");
        street.IsSuccessStatusCode.Should().BeFalse();
        (await street.Content.ReadAsStringAsync()).Should().Contain("湖南路街道科协（街镇科协）不在申报对象之列：科协代表之家由设区市科协、省级学会和企业科协申报（R34）");
        var park = await _calls.ApplicantAsync("js-park", "苏州工业园区科协", OrganisationKind.Park);
        (await (await _calls.TryStartAsync(park)).Content.ReadAsStringAsync()).Should().Contain("不在申报对象之列");

        await _calls.FileScoredAsync("nanjing", "南京市科协代表之家", 90, 88);
        await _drive.AdvanceToAsync(2026, 5, 6);
        await _calls.DecideAsync(call);

        await _drive.AdvanceToAsync(2027, 3, 1);
        await _calls.OpenCallAsync();
        var again = await _calls.TryStartAsync("nanjing");
        again.IsSuccessStatusCode.Should().BeFalse();
        (await again.Content.ReadAsStringAsync()).Should().Contain("本单位的“南京市科协代表之家”已认定为科协代表之家（有效期至2028年5月5日），已成功申报的单位不再申报（R34）");
    }

    [Fact]
    public async Task An_expert_s_scoring_can_be_handed_only_to_an_expert_who_does_not_score_it_already_R32()
    {
        await _calls.OpenCallAsync();
        var caseId = await _calls.StartAsync("nanjing");
        await _calls.ApplyAsync(caseId, "nanjing", RepresentativeDriver.Application("南京市科协代表之家"));
        await _calls.CheckAsync(caseId);
        // The experts' scoring tasks are opened by a job after the check: wait for them.
        await JobRuns.UntilAsync(_drive.Engine, async () =>
            (await _drive.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Count(t => t.ElementId == "score") >= 2);
        var expert = await _drive.AsAsync(RepresentativeDriver.Experts[0]);
        var scoring = (await expert.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray()
            .Single(t => t!["instanceId"]!.GetValue<Guid>() == caseId)!["id"]!.GetValue<Guid>();
        var office = await IdOfAsync(RepresentativeDriver.Office);
        var otherExpert = await IdOfAsync(RepresentativeDriver.Experts[1]);
        var third = await _calls.ExpertAsync("jsexpert3", "周明（省科协评审专家）");

        var offered = (await expert.GetFromJsonAsync<JsonArray>($"/api/tasks/{scoring}/people"))!.Select(p => p!["id"]!.GetValue<string>());
        var toOffice = await expert.PostAsJsonAsync($"/api/tasks/{scoring}/transfer", new { personId = office, comment = "请代为评分" });
        var toOtherExpert = await expert.PostAsJsonAsync($"/api/tasks/{scoring}/transfer", new { personId = otherExpert, comment = "请代为评分" });

        offered.Should().Equal([third], "only an expert who does not score this application already is offered");
        foreach (var refused in new[] { toOffice, toOtherExpert })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).Should().Contain("所选人员不是可以办理此案件的审核人员");
        }
        (await expert.PostAsJsonAsync($"/api/tasks/{scoring}/transfer", new { personId = third })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private Task<string> IdOfAsync(string login) =>
        _drive.ReadAsync(db => db.Users.Where(u => u.Email == $"{login}@kxhome.demo").Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task An_expert_cannot_give_more_than_an_items_maximum_and_the_mean_of_the_totals_ranks_R32()
    {
        var steady = await _calls.ApplicantAsync("js-steady", "徐州市科协");
        var uneven = await _calls.ApplicantAsync("js-uneven", "江苏省化工学会", OrganisationKind.Society);
        var call = await _calls.OpenCallAsync();
        var steadyCase = await _calls.StartAsync(steady);
        await _calls.ApplyAsync(steadyCase, steady, RepresentativeDriver.Application("徐州科协代表之家"));
        await _calls.CheckAsync(steadyCase);

        var over = RepresentativeDriver.Score(80);
        over["scorePlace"] = 11;
        var refused = await new AssociationDriver(_drive).TrySubmitAsync(steadyCase, "score", RepresentativeDriver.Experts[0], over);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("“场所与标识”最多 10 分，不能打 11 分（R32）").And.Contain("scorePlace");

        await _drive.CompleteAsync(steadyCase, "score", RepresentativeDriver.Experts[0], RepresentativeDriver.Score(81));
        await _drive.CompleteAsync(steadyCase, "score", RepresentativeDriver.Experts[1], RepresentativeDriver.Score(80));
        await _calls.WaitingAtAsync(steadyCase, "decided");
        // One expert gives the uneven home the highest total of all, the other a low one: its mean is lower.
        var unevenCase = await _calls.FileScoredAsync(uneven, "化工学会科协代表之家", 95, 64);

        (await _calls.HomeAsync(steadyCase)).Score.Should().Be(80.5m);
        (await _calls.HomeAsync(unevenCase)).Score.Should().Be(79.5m);
        await _drive.AdvanceToAsync(2026, 5, 6);
        await _calls.DecideAsync(call);
        (await _calls.HomeAsync(steadyCase)).Rank.Should().Be(1);
        (await _calls.HomeAsync(unevenCase)).Rank.Should().Be(2);
        var scores = await _drive.ReadAsync(db => db.ExpertScores.Where(x => x.HomeId == db.RepresentativeHomes.Single(h => h.CaseId == unevenCase).Id)
            .Select(x => x.Total).OrderBy(t => t).ToListAsync());
        scores.Should().Equal(64, 95);
    }

    [Fact]
    public async Task On_equal_means_the_higher_activity_points_rank_first_then_the_earlier_filing_R36()
    {
        var call = await _calls.OpenCallAsync();
        var first = await _calls.FileScoredAsync("nanjing", "南京市科协代表之家", 80, 80); // filed first, the most basic points
        var second = await _calls.StartAsync("society");
        await _calls.ApplyAsync(second, "society", RepresentativeDriver.Application("机械工程学会科协代表之家"));
        await _calls.CheckAsync(second);
        var sixtyActivities = RepresentativeDriver.Score(80);
        sixtyActivities["scorePlace"] = 0; sixtyActivities["scoreRules"] = 10; sixtyActivities["scorePlan"] = 10;
        sixtyActivities["scoreParty"] = 20; sixtyActivities["scoreWindow"] = 20; sixtyActivities["scoreNeighbourhood"] = 15; sixtyActivities["scoreInnovation"] = 5;
        await _drive.CompleteAsync(second, "score", RepresentativeDriver.Experts[0], sixtyActivities);
        await _drive.CompleteAsync(second, "score", RepresentativeDriver.Experts[1], sixtyActivities);
        await _calls.WaitingAtAsync(second, "decided");
        var third = await _calls.FileScoredAsync("wuxi", "无锡市科协代表之家", 80, 80); // the same points as the first, filed later

        await _drive.AdvanceToAsync(2026, 5, 6);
        await _calls.DecideAsync(call);
        (await _calls.HomeAsync(second)).Rank.Should().Be(1, "80 points, 60 of them for activities");
        (await _calls.HomeAsync(first)).Rank.Should().Be(2, "80 points, 50 for activities, filed before the third");
        (await _calls.HomeAsync(third)).Rank.Should().Be(3);
    }

    [Fact]
    public async Task A_designation_is_assessed_each_year_expires_two_years_later_and_the_organisation_may_apply_again_R36()
    {
        var call = await _calls.OpenCallAsync();
        var caseId = await _calls.FileScoredAsync("nanjing", "南京市科协代表之家", 90, 88);
        await _drive.AdvanceToAsync(2026, 5, 6);
        await _calls.DecideAsync(call);
        var timers = new AssociationDriver(_drive);
        (await timers.TimerAsync(caseId, "expiry")).DueAt.Should().Be(new DateTime(2028, 5, 5, 16, 0, 0, DateTimeKind.Utc), "the end of May 5, 2028 in Beijing");

        (await timers.TimerAsync(caseId, "anniversary")).DueAt.Should().Be(new DateTime(2027, 5, 5, 1, 0, 0, DateTimeKind.Utc), "the last day of the first year, 9:00");
        await _drive.AdvanceToAsync(2027, 5, 5, 10);
        await _drive.CompleteAsync(caseId, "assess", RepresentativeDriver.Office, new JsonObject { ["qualified"] = true, ["opinion"] = "活动常态化，代表联系紧密" });
        await JobRuns.UntilAsync(_drive.Engine, async () => await _drive.ReadAsync(db => db.RepresentativeAssessments.AnyAsync())); // published by a job
        var first = await _drive.ReadAsync(db => db.RepresentativeAssessments.SingleAsync());
        (first.DesignationYear, first.Qualified, first.PublishedOn).Should().Be((1, true, new DateOnly(2027, 5, 5)));
        (await new PageClient(_host.Factory.CreateClient()).GetAsync("/results?year=2027")).Html.Should().Contain("南京市科协代表之家").And.Contain("认定后第 1 年：合格");

        (await timers.TimerAsync(caseId, "anniversary")).DueAt.Should().Be(new DateTime(2028, 5, 5, 1, 0, 0, DateTimeKind.Utc), "the second year is assessed too, on its last day");
        await _drive.AdvanceToAsync(2028, 5, 5, 23);
        (await _calls.HomeAsync(caseId)).Status.Should().Be(RepresentativeHomeStatus.Designated, "valid through May 5, 2028");
        await _drive.WaitAtAsync(caseId, "assess");
        await _drive.AdvanceToAsync(2028, 5, 6, 1);
        await JobRuns.UntilAsync(_drive.Engine, async () => (await _calls.HomeAsync(caseId)).Status == RepresentativeHomeStatus.Expired);
        var expired = await _calls.HomeAsync(caseId);
        (expired.Status, expired.EndedOn).Should().Be((RepresentativeHomeStatus.Expired, new DateOnly(2028, 5, 6)), "it expires on time, its last assessment still open");
        await _drive.CompleteAsync(caseId, "assess", RepresentativeDriver.Office, new JsonObject { ["qualified"] = true, ["opinion"] = "两年建设目标全部完成" });
        (await _drive.SettleAsync(caseId)).Status.Should().Be(InstanceStatus.Completed);
        (await _drive.ReadAsync(db => db.RepresentativeAssessments.Select(a => a.DesignationYear).OrderBy(y => y).ToListAsync())).Should().Equal(1, 2);

        await _drive.AdvanceToAsync(2029, 3, 1);
        await _calls.OpenCallAsync();
        (await _calls.StartAsync("nanjing")).Should().NotBeEmpty("an expired designation no longer bars the organisation (R34, R36)");
    }

    [Fact]
    public async Task An_unqualified_yearly_assessment_revokes_the_designation_and_is_published_R36()
    {
        var call = await _calls.OpenCallAsync();
        var caseId = await _calls.FileScoredAsync("society", "机械工程学会科协代表之家", 85, 85);
        await _drive.AdvanceToAsync(2026, 5, 6);
        await _calls.DecideAsync(call);
        await new AssociationDriver(_drive).TimerAsync(caseId, "anniversary");
        await _drive.AdvanceToAsync(2027, 5, 5, 10);
        await _drive.CompleteAsync(caseId, "assess", RepresentativeDriver.Office, new JsonObject { ["qualified"] = false, ["opinion"] = "全年未开展代表活动" });

        var ended = await _drive.SettleAsync(caseId);
        ended.Status.Should().Be(InstanceStatus.Completed);
        ended.History.Should().Contain(h => h.ElementId == "revoked");
        (await _drive.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = caseId })).Should().BeEmpty("a revoked designation does not expire later");
        var home = await _calls.HomeAsync(caseId);
        home.Status.Should().Be(RepresentativeHomeStatus.Revoked);
        home.EndReason.Should().Contain("年度考核不合格，撤销认定（R36）");
        (await new PageClient(_host.Factory.CreateClient()).GetAsync("/results?year=2027")).Html.Should().Contain("机械工程学会科协代表之家").And.Contain("不合格");
    }

    [Fact]
    public async Task A_representative_in_touch_with_4_workers_shows_the_shortfall_R33()
    {
        await _calls.OpenCallAsync();
        var caseId = await _calls.StartAsync("panda");
        await _calls.ApplyAsync(caseId, "panda", RepresentativeDriver.Application("熊猫电子科协代表之家",
            representatives: "张明：李一、李二、李三、李四、李五\n赵华：王一、王二、王三、王四"));
        var home = await _calls.HomeAsync(caseId);

        var file = JsonNode.Parse(await (await _drive.AsAsync("panda")).GetStringAsync($"/api/representative-homes/{home.Id}"))!;
        file["shortfall"]!.GetValue<int>().Should().Be(1);
        file["representatives"]!.AsArray().Select(r => (r!["name"]!.GetValue<string>(), r["contactCount"]!.GetValue<int>(), r["enough"]!.GetValue<bool>()))
            .Should().Equal(("张明", 5, true), ("赵华", 4, false));
        var page = await PageClient.SignInAsync(_host.Factory, "panda");
        var (_, html) = await page.GetAsync($"/representatives/{home.Id}");
        html.Should().Contain("R33").And.Contain("赵华").And.Contain("4/5 ✗").And.Contain("5/5 ✓");
    }

    [Fact]
    public async Task One_organisation_cannot_see_another_organisations_application()
    {
        await _calls.OpenCallAsync();
        var caseId = await _calls.StartAsync("panda");
        await _calls.ApplyAsync(caseId, "panda", RepresentativeDriver.Application("熊猫电子科协代表之家"));
        var home = await _calls.HomeAsync(caseId);

        (await (await _drive.AsAsync("society")).GetAsync($"/api/representative-homes/{home.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await _drive.AsAsync("society")).GetStringAsync("/api/representative-homes")).Should().NotContain("熊猫电子科协代表之家");
        (await (await _drive.AsAsync("society")).PutAsJsonAsync($"/api/representative-homes/{home.Id}/representatives", new { text = "某某：甲、乙" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await PageClient.SignInAsync(_host.Factory, "society")).GetAsync($"/representatives/{home.Id}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await (await _drive.AsAsync(RepresentativeDriver.Office)).GetAsync($"/api/representative-homes/{home.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public async ValueTask DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }
}
