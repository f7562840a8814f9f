using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Backstride.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ExperimentId",
                table: "PlanSessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExperimentSlot",
                table: "PlanSessions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfExperiments_OneRunning",
                table: "SelfExperiments",
                column: "UserId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSessions_ExperimentId_ExperimentSlot",
                table: "PlanSessions",
                columns: new[] { "ExperimentId", "ExperimentSlot" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SelfExperiments_OneRunning",
                table: "SelfExperiments");

            migrationBuilder.DropIndex(
                name: "IX_PlanSessions_ExperimentId_ExperimentSlot",
                table: "PlanSessions");

            migrationBuilder.DropColumn(
                name: "ExperimentId",
                table: "PlanSessions");

            migrationBuilder.DropColumn(
                name: "ExperimentSlot",
                table: "PlanSessions");
        }
    }
}
