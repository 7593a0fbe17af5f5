import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from 'src/platform/auth/actor';
import { ALL_ROLES, Roles } from 'src/platform/auth/roles';
import { ApiProblems } from 'src/platform/http/openapi';
import { ValidBody, ValidParam } from 'src/platform/http/validation';
import { CreateShopBody, shopExample, UpdateShopBody } from './shop.dto';
import { ShopService } from './shop.service';
import { OrgProblems } from './org.problems';

@ApiTags('org: shops')
@ApiBearerAuth()
@Controller('shops')
export class ShopController {
  constructor(private readonly shops: ShopService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ schema: { example: shopExample } })
  @ApiProblems(400, 401, 403, 409, OrgProblems.shopCodeTaken)
  create(@ValidBody(CreateShopBody) body: CreateShopBody) {
    return this.shops.create(body);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ schema: { example: [shopExample] } })
  @ApiProblems(401)
  list(@CurrentActor({ shopOptional: true }) actor: Actor) {
    return this.shops.list(actor);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ schema: { example: shopExample } })
  @ApiProblems(400, 401, 404, OrgProblems.shopNotFound)
  get(@CurrentActor({ shopOptional: true }) actor: Actor, @ValidParam('id') id: string) {
    return this.shops.get(actor, id);
  }

  @Patch(':id')
  @Roles('admin', 'manager')
  @ApiOkResponse({ schema: { example: shopExample } })
  @ApiProblems(400, 401, 403, 404, OrgProblems.shopNotFound)
  update(
    @CurrentActor({ shopOptional: true }) actor: Actor,
    @ValidParam('id') id: string,
    @ValidBody(UpdateShopBody) body: UpdateShopBody,
  ) {
    return this.shops.update(actor, id, body);
  }
}
