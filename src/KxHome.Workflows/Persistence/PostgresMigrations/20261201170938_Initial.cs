using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KxHome.Workflows.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "casenumbers",
                columns: table => new
                {
                    prefix = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_casenumbers", x => new { x.prefix, x.year });
                });

            migrationBuilder.CreateTable(
                name: "definitions",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: false),
                    xmlhash = table.Column<string>(type: "text", nullable: false),
                    deployedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deployedby = table.Column<string>(type: "text", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instanceid = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    elementid = table.Column<string>(type: "text", nullable: true),
                    elementname = table.Column<string>(type: "text", nullable: true),
                    taskid = table.Column<Guid>(type: "uuid", nullable: true),
                    userid = table.Column<string>(type: "text", nullable: true),
                    comment = table.Column<string>(type: "text", nullable: true),
                    data = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instanceid = table.Column<Guid>(type: "uuid", nullable: false),
                    elementid = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    resolvedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolvedby = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "instances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    definitionid = table.Column<string>(type: "text", nullable: false),
                    definitionkey = table.Column<string>(type: "text", nullable: false),
                    definitionversion = table.Column<int>(type: "integer", nullable: false),
                    businesskey = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    startedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    endedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    startedby = table.Column<string>(type: "text", nullable: true),
                    state = table.Column<string>(type: "text", nullable: false),
                    owner = table.Column<string>(type: "text", nullable: true),
                    number = table.Column<string>(type: "text", nullable: true),
                    parentinstanceid = table.Column<Guid>(type: "uuid", nullable: true),
                    revision = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instanceid = table.Column<Guid>(type: "uuid", nullable: false),
                    tokenid = table.Column<Guid>(type: "uuid", nullable: false),
                    elementid = table.Column<string>(type: "text", nullable: false),
                    topic = table.Column<string>(type: "text", nullable: false),
                    dueat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    lockowner = table.Column<string>(type: "text", nullable: true),
                    lockexpiresat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    lasterror = table.Column<string>(type: "text", nullable: true),
                    incidentid = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "messagesubscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instanceid = table.Column<Guid>(type: "uuid", nullable: true),
                    tokenid = table.Column<Guid>(type: "uuid", nullable: true),
                    definitionid = table.Column<string>(type: "text", nullable: false),
                    definitionkey = table.Column<string>(type: "text", nullable: false),
                    businesskey = table.Column<string>(type: "text", nullable: true),
                    elementid = table.Column<string>(type: "text", nullable: false),
                    messagename = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    issignal = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messagesubscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    instanceid = table.Column<Guid>(type: "uuid", nullable: true),
                    taskid = table.Column<Guid>(type: "uuid", nullable: true),
                    userid = table.Column<string>(type: "text", nullable: true),
                    recipient = table.Column<string>(type: "text", nullable: true),
                    comment = table.Column<string>(type: "text", nullable: true),
                    dedupkey = table.Column<string>(type: "text", nullable: true),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    availableat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    sentat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    lasterror = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "taskcopies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instanceid = table.Column<Guid>(type: "uuid", nullable: false),
                    taskid = table.Column<Guid>(type: "uuid", nullable: false),
                    userid = table.Column<string>(type: "text", nullable: false),
                    byuserid = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_taskcopies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "timers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instanceid = table.Column<Guid>(type: "uuid", nullable: true),
                    tokenid = table.Column<Guid>(type: "uuid", nullable: true),
                    definitionid = table.Column<string>(type: "text", nullable: false),
                    elementid = table.Column<string>(type: "text", nullable: false),
                    elementname = table.Column<string>(type: "text", nullable: true),
                    definitionkey = table.Column<string>(type: "text", nullable: false),
                    businesskey = table.Column<string>(type: "text", nullable: true),
                    dueat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    pausedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    remainingseconds = table.Column<long>(type: "bigint", nullable: true),
                    workingdays = table.Column<bool>(type: "boolean", nullable: false),
                    remainingworkingdays = table.Column<int>(type: "integer", nullable: true),
                    cycle = table.Column<string>(type: "text", nullable: true),
                    fired = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    pausedforcorrection = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "usertasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instanceid = table.Column<Guid>(type: "uuid", nullable: false),
                    tokenid = table.Column<Guid>(type: "uuid", nullable: false),
                    elementid = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    definitionkey = table.Column<string>(type: "text", nullable: false),
                    businesskey = table.Column<string>(type: "text", nullable: true),
                    owner = table.Column<string>(type: "text", nullable: true),
                    casenumber = table.Column<string>(type: "text", nullable: true),
                    assignee = table.Column<string>(type: "text", nullable: true),
                    formkey = table.Column<string>(type: "text", nullable: true),
                    dueat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    endedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    completedby = table.Column<string>(type: "text", nullable: true),
                    revision = table.Column<Guid>(type: "uuid", nullable: false),
                    delegatedby = table.Column<string>(type: "text", nullable: true),
                    pendingsigners = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_usertasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "taskcandidates",
                columns: table => new
                {
                    taskid = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_taskcandidates", x => new { x.taskid, x.kind, x.value });
                    table.ForeignKey(
                        name: "fk_taskcandidates_usertasks_taskid",
                        column: x => x.taskid,
                        principalTable: "usertasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_definitions_key_version",
                table: "definitions",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_history_instanceid",
                table: "history",
                column: "instanceid");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_instanceid",
                table: "incidents",
                column: "instanceid");

            migrationBuilder.CreateIndex(
                name: "ix_instances_businesskey",
                table: "instances",
                column: "businesskey");

            migrationBuilder.CreateIndex(
                name: "ix_instances_definitionid_status",
                table: "instances",
                columns: new[] { "definitionid", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_instances_number",
                table: "instances",
                column: "number",
                unique: true,
                filter: "Number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_instances_owner_startedat",
                table: "instances",
                columns: new[] { "owner", "startedat" });

            migrationBuilder.CreateIndex(
                name: "ix_instances_parentinstanceid",
                table: "instances",
                column: "parentinstanceid",
                filter: "ParentInstanceId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_dueat",
                table: "jobs",
                column: "dueat");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_instanceid",
                table: "jobs",
                column: "instanceid");

            migrationBuilder.CreateIndex(
                name: "ix_messagesubscriptions_instanceid",
                table: "messagesubscriptions",
                column: "instanceid");

            migrationBuilder.CreateIndex(
                name: "ix_messagesubscriptions_messagename",
                table: "messagesubscriptions",
                column: "messagename");

            migrationBuilder.CreateIndex(
                name: "ix_notices_dedupkey",
                table: "notices",
                column: "dedupkey",
                unique: true,
                filter: "DedupKey IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notices_sentat_availableat",
                table: "notices",
                columns: new[] { "sentat", "availableat" });

            migrationBuilder.CreateIndex(
                name: "ix_taskcandidates_kind_value",
                table: "taskcandidates",
                columns: new[] { "kind", "value" });

            migrationBuilder.CreateIndex(
                name: "ix_taskcopies_instanceid_userid",
                table: "taskcopies",
                columns: new[] { "instanceid", "userid" });

            migrationBuilder.CreateIndex(
                name: "ix_taskcopies_userid_id",
                table: "taskcopies",
                columns: new[] { "userid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_timers_definitionkey",
                table: "timers",
                column: "definitionkey");

            migrationBuilder.CreateIndex(
                name: "ix_timers_dueat",
                table: "timers",
                column: "dueat");

            migrationBuilder.CreateIndex(
                name: "ix_timers_instanceid",
                table: "timers",
                column: "instanceid");

            migrationBuilder.CreateIndex(
                name: "ix_usertasks_completedby",
                table: "usertasks",
                column: "completedby",
                filter: "CompletedBy IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_usertasks_instanceid",
                table: "usertasks",
                column: "instanceid");

            migrationBuilder.CreateIndex(
                name: "ix_usertasks_owner_state",
                table: "usertasks",
                columns: new[] { "owner", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_usertasks_state_assignee",
                table: "usertasks",
                columns: new[] { "state", "assignee" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "casenumbers");

            migrationBuilder.DropTable(
                name: "definitions");

            migrationBuilder.DropTable(
                name: "history");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "instances");

            migrationBuilder.DropTable(
                name: "jobs");

            migrationBuilder.DropTable(
                name: "messagesubscriptions");

            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.DropTable(
                name: "taskcandidates");

            migrationBuilder.DropTable(
                name: "taskcopies");

            migrationBuilder.DropTable(
                name: "timers");

            migrationBuilder.DropTable(
                name: "usertasks");
        }
    }
}
