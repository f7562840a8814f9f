using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Backstride.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LadderChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChangedAt",
                table: "ExerciseProgress",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "ExerciseProgress");
        }
    }
}
