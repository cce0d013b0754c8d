"""The E資格 syllabus (2024 edition, 2026 revision): areas and the items problems are tagged with."""

AREAS = {
    "1": {"ja": "数学的基礎", "en": "Mathematical foundations"},
    "2": {"ja": "機械学習", "en": "Machine learning"},
    "3": {"ja": "深層学習の基礎", "en": "Deep learning foundations"},
    "4": {"ja": "深層学習の応用", "en": "Deep learning applications"},
    "5": {"ja": "開発・運用環境", "en": "Development and deployment"},
}

# item id -> (ja, en). The items NumPy drills can be written for; ids follow the official order.
ITEMS = {
    "1-1-1": ("線形代数 / 行列演習", "Linear algebra / matrix exercises"),
    "1-1-2": ("線形代数 / 固有値分解・特異値分解", "Linear algebra / eigen and singular value decomposition"),
    "1-2-1": ("確率・統計 / 確率の基礎", "Probability / basics"),
    "1-2-2": ("確率・統計 / ベルヌーイ・多項分布", "Probability / Bernoulli and multinomial"),
    "1-2-3": ("確率・統計 / ガウス分布・t分布", "Probability / Gaussian and t distributions"),
    "1-2-4": ("確率・統計 / パラメータ推定", "Probability / parameter estimation"),
    "1-3-1": ("情報理論", "Information theory"),
    "2-1-11": ("検証集合", "Validation sets"),
    "2-1-12": ("性能指標", "Performance metrics"),
    "3-1-1": ("順伝播型 / 多層パーセプトロン", "Feed-forward / multilayer perceptron"),
    "3-1-2": ("出力層と損失関数 / 回帰", "Output layers and losses / regression"),
    "3-1-3": ("出力層と損失関数 / 分類", "Output layers and losses / classification"),
    "3-1-4": ("活性化関数", "Activation functions"),
    "3-2-1": ("最適化 / SGD・モメンタム", "Optimisation / SGD and momentum"),
    "3-2-2": ("最適化 / 誤差逆伝播法", "Optimisation / backpropagation"),
    "3-2-3": ("最適化 / 適応的学習率", "Optimisation / adaptive learning rates"),
    "3-2-4": ("最適化 / パラメータ初期化", "Optimisation / parameter initialisation"),
    "3-3-1": ("正則化 / ノルムペナルティー", "Regularisation / norm penalties"),
    "3-3-2": ("正則化 / 確率的削除", "Regularisation / dropout"),
    "3-3-3": ("正則化 / 陰的正則化", "Regularisation / implicit regularisation"),
    "3-4-1": ("CNN / 基本的な畳み込み演算", "CNN / basic convolution"),
    "3-4-2": ("CNN / 特別な畳み込み", "CNN / special convolutions"),
    "3-4-3": ("CNN / プーリング", "CNN / pooling"),
    "3-5-1": ("RNN", "RNN"),
    "3-5-2": ("RNN / ゲート機構", "RNN / gating"),
    "3-5-3": ("RNN / 系列変換", "RNN / sequence to sequence"),
    "3-6-1": ("Transformer", "Transformer"),
    "3-7-1": ("汎化 / データ拡張 (画像)", "Generalisation / image augmentation"),
    "3-7-3": ("汎化 / 正規化", "Generalisation / normalisation"),
    "3-7-4": ("汎化 / アンサンブル", "Generalisation / ensembles"),
    "4-1-1": ("画像認識 / ResNet・WideResNet", "Image recognition / ResNet"),
    "4-1-2": ("画像認識 / Vision Transformer", "Image recognition / Vision Transformer"),
    "4-2-1": ("物体検出", "Object detection"),
    "4-4-1": ("NLP / Word Embedding", "NLP / word embeddings"),
    "4-6-2": ("生成 / オートエンコーダ", "Generative / autoencoders"),
    "4-6-3": ("生成 / VAE", "Generative / VAE"),
    "4-6-4": ("生成 / GAN", "Generative / GAN"),
    "4-7-1": ("深層強化学習 / DQN", "Deep RL / DQN"),
    "4-7-2": ("深層強化学習 / A3C", "Deep RL / A3C"),
    "5-1-1": ("エッジ / モデルの軽量化", "Edge / model compression"),
}


def area_of(item_id):
    """The area key ('1'..'5') an item id like '3-4-1' belongs to."""
    return item_id.split("-", 1)[0]
