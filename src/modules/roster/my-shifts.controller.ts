import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { RosterProblems } from './roster.problems';
import { ValidQuery } from 'src/platform/http/validation';
import { MyShiftsQuery } from './roster.dto';
import { myShiftsExample } from './roster-examples';
import { OWN_SHIFT_READERS } from './roster-roles';
import { RosterReading } from './roster-reading.service';

@ApiTags('roster')
@ApiBearerAuth()
@Controller('me')
export class MyShiftsController {
  constructor(private readonly rosters: RosterReading) {}

  @Get('shifts')
  @Roles(...OWN_SHIFT_READERS)
  @ApiOkResponse({
    description: 'Your shifts of published rosters between two local dates (inclusive); drafts are never shown',
    schema: { example: myShiftsExample },
  })
  @ApiProblems(400, 401, 403, RosterProblems.noAgentRecord)
  list(@CurrentActor() actor: Actor, @ValidQuery(MyShiftsQuery) query: MyShiftsQuery) {
    return this.rosters.myShifts(actor, query);
  }
}
