"Run by tests/test_distributed.py under torchrun: a few data-parallel steps, then every rank saves its weights."
import sys, json, torch
from dataclasses import asdict
from facetriplet.training import TrainConfig, swap_learner, train_steps, rank_and_world
from facetriplet.generator import GeneratorConfig
from facetriplet.identity import IdentityEncoder, IdentityConfig

out, cache, recipe = sys.argv[1:4]
torch.set_num_threads(1)
torch.manual_seed(0)
encoder = IdentityEncoder(IdentityConfig(width=8)).eval()
config = TrainConfig(recipe=recipe, size=32, bs=4, steps=3, precision='fp32', generator=asdict(GeneratorConfig(width=8)))
learn = swap_learner(config, encoder, cache=cache, data=dict(n_groups=2, group_size=4, n_attributes=4, pairs_per_target=1))
with learn.no_logging(): train_steps(learn)
rank, world = rank_and_world()
m = learn.model
torch.save({'generator': m.generator.state_dict(), 'discriminator': m.discriminator.state_dict(), 'world': world,
            'wrapped': type(m.generator).__name__, 'log': json.dumps(learn.triplet_gan.log)}, f'{out}/rank{rank}.pth')
