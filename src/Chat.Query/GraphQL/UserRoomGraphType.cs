using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class UserRoomGraphType : ObjectGraphType<UserRoom>
{
    public UserRoomGraphType()
    {
        Name = "UserRoom";
        Description = "A room a user posted in, counted from the event log.";
        Field(r => r.RoomId).Description("The room.");
        Field(r => r.MessageCount).Description("How many messages the user posted in it.");
        Field(r => r.FirstMessageAt).Description("When the user's first message in it was sent.");
        Field(r => r.LastMessageAt).Description("When the user's latest message in it was sent.");
    }
}
