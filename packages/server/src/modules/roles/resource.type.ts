import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One permission, grouped by product. The catalog lives in code.' })
export class Resource {
  @Field(() => ID, { description: 'Stable key, e.g. license-manager:view-api-keys.' })
  key: string;

  @Field(() => String)
  productKey: string;

  @Field(() => String)
  productName: string;

  @Field(() => String)
  name: string;
}
