using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Backstride.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CarePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BackProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Ddd = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PatternWeeks = table.Column<int>(type: "integer", nullable: true),
                    Timing = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ArchesBack = table.Column<bool>(type: "boolean", nullable: false),
                    ShouldersSlumped = table.Column<bool>(type: "boolean", nullable: false),
                    HeavyLandings = table.Column<bool>(type: "boolean", nullable: false),
                    LiverDisease = table.Column<bool>(type: "boolean", nullable: false),
                    KidneyDisease = table.Column<bool>(type: "boolean", nullable: false),
                    StomachUlcerOrBleeding = table.Column<bool>(type: "boolean", nullable: false),
                    BloodThinners = table.Column<bool>(type: "boolean", nullable: false),
                    Steroids = table.Column<bool>(type: "boolean", nullable: false),
                    Pregnant = table.Column<bool>(type: "boolean", nullable: false),
                    PregnancyWeek = table.Column<int>(type: "integer", nullable: true),
                    Asthma = table.Column<bool>(type: "boolean", nullable: false),
                    HighBloodPressure = table.Column<bool>(type: "boolean", nullable: false),
                    HeartDiseaseOrStroke = table.Column<bool>(type: "boolean", nullable: false),
                    ThreeOrMoreDrinksDaily = table.Column<bool>(type: "boolean", nullable: false),
                    ReducedSensation = table.Column<bool>(type: "boolean", nullable: false),
                    Diabetes = table.Column<bool>(type: "boolean", nullable: false),
                    CirculationOrColdSensitivity = table.Column<bool>(type: "boolean", nullable: false),
                    SkinAllergies = table.Column<bool>(type: "boolean", nullable: false),
                    HistoryOfCancer = table.Column<bool>(type: "boolean", nullable: false),
                    UnexplainedWeightLoss = table.Column<bool>(type: "boolean", nullable: false),
                    ImmuneSuppression = table.Column<bool>(type: "boolean", nullable: false),
                    Osteoporosis = table.Column<bool>(type: "boolean", nullable: false),
                    HasIcePack = table.Column<bool>(type: "boolean", nullable: false),
                    HasHeatingPad = table.Column<bool>(type: "boolean", nullable: false),
                    HasShower = table.Column<bool>(type: "boolean", nullable: false),
                    MedicationOptIn = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BackProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DoseLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProductId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Units = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoseLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoseLog_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: false),
                    TriageLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SafetyAnswers = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanSessions_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanStepRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanSessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StepId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TimerStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TimerPausedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedFor = table.Column<TimeSpan>(type: "interval", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanStepRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanStepRecords_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PlanStepRecords_PlanSessions_PlanSessionId",
                        column: x => x.PlanSessionId,
                        principalTable: "PlanSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BackProfiles_UserId_Version",
                table: "BackProfiles",
                columns: new[] { "UserId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DoseLog_UserId_TakenAt",
                table: "DoseLog",
                columns: new[] { "UserId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanSessions_CheckInId",
                table: "PlanSessions",
                column: "CheckInId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanSessions_UserId",
                table: "PlanSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanStepRecords_PlanSessionId_StepId",
                table: "PlanStepRecords",
                columns: new[] { "PlanSessionId", "StepId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanStepRecords_UserId",
                table: "PlanStepRecords",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackProfiles");

            migrationBuilder.DropTable(
                name: "DoseLog");

            migrationBuilder.DropTable(
                name: "PlanStepRecords");

            migrationBuilder.DropTable(
                name: "PlanSessions");
        }
    }
}
