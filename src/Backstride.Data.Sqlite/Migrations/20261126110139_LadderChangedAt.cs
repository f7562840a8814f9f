using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Backstride.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LadderChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangedAt",
                table: "ExerciseProgress",
                type: "INTEGER",
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
