import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidQuery } from 'src/platform/http/validation';
import { FeedQuery, feedExample, MarkReadBody } from './notification.dto';
import { Notices } from './notification.service';

@ApiTags('self-service: notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationController {
  constructor(private readonly notices: Notices) {}

  @Get()
  @Roles('admin', 'manager', 'supervisor', 'hr', 'trainer', 'qc', 'agent')
  @ApiOkResponse({
    description:
      'Your feed, newest first, with the unread count: publications, changes to your shifts, request decisions, swap offers, coaching and make-up tasks',
    schema: { example: feedExample },
  })
  @ApiProblems(400, 401, 403)
  feed(@CurrentActor() actor: Actor, @ValidQuery(FeedQuery) query: FeedQuery) {
    return this.notices.feed(actor, query);
  }

  @Post('read')
  @HttpCode(200)
  @Roles('admin', 'manager', 'supervisor', 'hr', 'trainer', 'qc', 'agent')
  @ApiOkResponse({
    description: 'Marked read (ids of someone else’s feed change nothing); the unread count left',
    schema: { example: { unread: 0 } },
  })
  @ApiProblems(400, 401, 403)
  markRead(@CurrentActor() actor: Actor, @ValidBody(MarkReadBody) body: MarkReadBody) {
    return this.notices.markRead(actor, body.ids);
  }
}
